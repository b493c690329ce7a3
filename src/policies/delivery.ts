import type { YamlReader } from './yaml-reader.ts';

/**
 * How a policy reaches the enterprise (`delivery` in policy.yaml): `exempt` — 免申即享, the
 * enterprise confirms a matched case in one click; `application` — 即申即享 with a submission,
 * the enterprise uploads the materials the policy lists (`attachments`) and submits them.
 */

export const DELIVERIES = ['exempt', 'application'] as const;
export type Delivery = (typeof DELIVERIES)[number];

/** File types an attachment may allow; the server checks the content's first bytes against them. */
export const ATTACHMENT_TYPES = ['pdf', 'jpg', 'png'] as const;
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number];

/** One material an application needs: what it is, whether it is required, which files are taken. */
export interface AttachmentRequirement {
  code: string;
  name: string;
  isRequired: boolean;
  types: AttachmentType[];
  maxBytes: number;
  description: string;
}

export interface PolicyDelivery {
  delivery: Delivery;
  attachments: AttachmentRequirement[];
}

const ATTACHMENT_KEYS = ['code', 'name', 'required', 'types', 'max_size', 'description'];
const SIZE = /^(\d+(?:\.\d+)?)\s*(B|KB|MB)$/i;
const UNIT_BYTES: Record<string, number> = { B: 1, KB: 1024, MB: 1024 * 1024 };

/** Reads `delivery` (default exempt) and `attachments` from the top of a policy document. */
export function readDelivery(reader: YamlReader, top: Record<string, unknown>): PolicyDelivery {
  const delivery = readDeliveryMode(reader, top.delivery);
  if (top.attachments === undefined) {
    if (delivery === 'application') reader.fail('attachments', '需提交申请的政策（delivery: application）应列出申请材料（attachments）');
    return { delivery, attachments: [] };
  }
  if (delivery === 'exempt') reader.fail('attachments', '免申即享政策（delivery: exempt）不收申请材料，不应列出 attachments');
  const attachments = reader.list(top.attachments, 'attachments').map((entry, index) => readAttachment(reader, entry, `attachments[${index}]`));
  if (delivery === 'application' && attachments.length === 0) reader.fail('attachments', '至少需要一项申请材料');
  attachments.forEach((attachment, index) => {
    if (attachments.findIndex((other) => other.code === attachment.code) !== index) reader.fail(`attachments[${index}].code`, `申请材料编码重复：${attachment.code}`);
  });
  return { delivery, attachments };
}

function readDeliveryMode(reader: YamlReader, value: unknown): Delivery {
  if (value === undefined) return 'exempt';
  if (typeof value === 'string' && (DELIVERIES as readonly string[]).includes(value)) return value as Delivery;
  reader.fail('delivery', `兑现方式应为 exempt（免申即享，一键确认）或 application（即申即享，需提交申请材料）：${String(value)}`);
  return 'exempt';
}

function readAttachment(reader: YamlReader, entry: unknown, path: string): AttachmentRequirement {
  const record = reader.object(entry, path, ATTACHMENT_KEYS) ?? {};
  const code = reader.text(record, 'code', path);
  if (code && !/^[a-z][a-z0-9_]*$/.test(code)) reader.fail(`${path}.code`, '编码只能用小写字母、数字和下划线，以字母开头');
  if (typeof record.required !== 'boolean') reader.fail(`${path}.required`, record.required === undefined ? '缺少此项（true 必须提交，false 可选）' : '应为 true 或 false');
  return {
    code,
    name: reader.text(record, 'name', path),
    isRequired: record.required === true,
    types: readTypes(reader, record, path),
    maxBytes: readSize(reader, record.max_size, `${path}.max_size`),
    description: reader.text(record, 'description', path),
  };
}

function readTypes(reader: YamlReader, record: Record<string, unknown>, path: string): AttachmentType[] {
  const types = reader.texts(record, 'types', path).map((type) => type.toLowerCase());
  if (record.types !== undefined && types.length === 0) reader.fail(`${path}.types`, '至少需要一种文件类型');
  types.forEach((type, index) => {
    if (!(ATTACHMENT_TYPES as readonly string[]).includes(type)) reader.fail(`${path}.types[${index}]`, `不支持的文件类型「${type}」（可用：${ATTACHMENT_TYPES.join('、')}）`);
  });
  return [...new Set(types)].filter((type): type is AttachmentType => (ATTACHMENT_TYPES as readonly string[]).includes(type));
}

/** `max_size`: a whole number of bytes, or a text such as `10MB`, `512KB`. */
function readSize(reader: YamlReader, value: unknown, path: string): number {
  if (value === undefined) {
    reader.fail(path, '缺少此项（字节数，或如 10MB、512KB）');
    return 0;
  }
  const match = typeof value === 'string' ? SIZE.exec(value.trim()) : null;
  const bytes = typeof value === 'number' ? value : match ? Math.floor(Number(match[1]) * UNIT_BYTES[match[2]!.toUpperCase()]!) : NaN;
  if (!Number.isInteger(bytes) || bytes <= 0) {
    reader.fail(path, `大小上限应为正整数字节数，或如 10MB、512KB：${String(value)}`);
    return 0;
  }
  return bytes;
}
