import type { AttachmentType } from '../../../policies/delivery.ts';

/**
 * What an uploaded file is: the type its name declares, and the type its first bytes show. A file
 * is taken only when both agree, so a PNG renamed to .pdf, or a program renamed to .jpg, is refused.
 */

const EXTENSIONS: Record<string, AttachmentType> = { pdf: 'pdf', jpg: 'jpg', jpeg: 'jpg', png: 'png' };

/** The signatures: PDF `%PDF`, JPEG `FF D8 FF`, PNG `89 50 4E 47 0D 0A 1A 0A`. */
const SIGNATURES: [AttachmentType, number[]][] = [
  ['pdf', [0x25, 0x50, 0x44, 0x46]],
  ['jpg', [0xff, 0xd8, 0xff]],
  ['png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
];

/** Chinese names of the types for messages. */
export const TYPE_LABELS: Record<AttachmentType, string> = { pdf: 'PDF', jpg: 'JPG 图片', png: 'PNG 图片' };

/** MIME types for downloads. */
export const MIME_TYPES: Record<AttachmentType, string> = {
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  png: 'image/png',
};

/** The type a file name declares by its extension (`.jpeg` counts as jpg), or undefined. */
export function declaredTypeOf(fileName: string): AttachmentType | undefined {
  const extension = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase();
  return extension ? EXTENSIONS[extension] : undefined;
}

/** The type the content's first bytes show, or undefined for anything else. */
export function detectedTypeOf(bytes: Uint8Array): AttachmentType | undefined {
  return SIGNATURES.find(([, signature]) => signature.every((byte, index) => bytes[index] === byte))?.[0];
}

/** A size for messages: “1.5 MB”, “800 KB”, “12 字节”. */
export function describeSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Number((bytes / 1024 / 1024).toFixed(1))} MB`;
  if (bytes >= 1024) return `${Number((bytes / 1024).toFixed(1))} KB`;
  return `${bytes} 字节`;
}
