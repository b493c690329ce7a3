import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { createDeflateRaw } from 'node:zlib';

/**
 * Test XLSX files written part by part, so a shared-strings part can be made to unpack to
 * gigabytes from a few megabytes (a zip bomb) without ever holding it, and a ZIP directory can
 * be made to understate a part's size. CRCs are left 0: the readers under test do not check them.
 */

interface Part {
  name: string;
  /** The unpacked text, as repeated chunks: `chunk` written `times` times. */
  chunk: string;
  times?: number;
  /** Written once before and after the repeated chunks. */
  head?: string;
  tail?: string;
  /** The size the directory records instead of the real one. */
  declaredSize?: number;
}

const SHEET_PARTS = (sheet: string): Part[] => [
  {
    name: '[Content_Types].xml',
    chunk:
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
  },
  {
    name: '_rels/.rels',
    chunk:
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
  },
  {
    name: 'xl/workbook.xml',
    chunk:
      '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>',
  },
  {
    name: 'xl/_rels/workbook.xml.rels',
    chunk:
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
  },
  { name: 'xl/worksheets/sheet1.xml', chunk: sheet },
];

/**
 * An XLSX whose shared strings unpack to about `sharedStringBytes` (strings of 100 bytes, which a
 * reader keeps one by one), the sheet using the first one; `declaredSize` falsifies the directory.
 */
export async function writeSharedStringsBomb(
  file: string,
  sharedStringBytes: number,
  declaredSize?: number,
): Promise<void> {
  const one = `<si><t>${'甲'.repeat(28)}</t></si>`; // 100 bytes in UTF-8
  const strings: Part = {
    name: 'xl/sharedStrings.xml',
    chunk: one.repeat(10_000),
    head: '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">',
    tail: '</sst>',
    times: Math.ceil(sharedStringBytes / (Buffer.byteLength(one) * 10_000)),
    ...(declaredSize === undefined ? {} : { declaredSize }),
  };
  const sheet =
    '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>';
  const [types, rels, workbook, workbookRels, sheetPart] = SHEET_PARTS(sheet);
  await writeZip(file, [types!, rels!, workbook!, workbookRels!, strings, sheetPart!]);
}

async function writeZip(file: string, parts: Part[]): Promise<void> {
  const out = createWriteStream(file);
  let offset = 0;
  const write = async (buffer: Buffer) => {
    offset += buffer.length;
    if (!out.write(buffer)) await once(out, 'drain');
  };
  const directory: Buffer[] = [];
  for (const part of parts) {
    const name = Buffer.from(part.name);
    const { compressed, size } = await deflated(part);
    const recorded = part.declaredSize ?? Math.min(size, 0xfffffffe);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(recorded, 22);
    local.writeUInt16LE(name.length, 26);
    const at = offset;
    await write(Buffer.concat([local, name]));
    await write(compressed);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt32LE(compressed.length, 20);
    entry.writeUInt32LE(recorded, 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt32LE(at, 42);
    directory.push(entry, name);
  }
  const directoryBytes = Buffer.concat(directory);
  const directoryOffset = offset;
  await write(directoryBytes);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directoryBytes.length, 12);
  end.writeUInt32LE(directoryOffset, 16);
  await write(end);
  out.end();
  await once(out, 'finish');
}

async function deflated(part: Part): Promise<{ compressed: Buffer; size: number }> {
  const deflate = createDeflateRaw({ level: 6 });
  const chunks: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => chunks.push(chunk));
  const input = Buffer.from(part.chunk);
  const times = part.times ?? 1;
  const [head, tail] = [Buffer.from(part.head ?? ''), Buffer.from(part.tail ?? '')];
  deflate.write(head);
  for (let i = 0; i < times; i++) if (!deflate.write(input)) await once(deflate, 'drain');
  deflate.end(tail);
  await once(deflate, 'end');
  return { compressed: Buffer.concat(chunks), size: head.length + input.length * times + tail.length };
}
