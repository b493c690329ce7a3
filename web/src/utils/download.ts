/** Saving files the browser made or fetched: the export, the import template. */

/** Offers a Blob to the user as a download with the given file name. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // The download has started; the address is not needed after this tick.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * A CSV file of one header row (and optional sample rows): UTF-8 with a BOM, so that Excel
 * opens the Chinese headers correctly, and CRLF line ends as spreadsheet programs write them.
 */
export function csvText(headers: readonly string[], rows: readonly (readonly string[])[] = []): string {
  return `\ufeff${[headers, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}
