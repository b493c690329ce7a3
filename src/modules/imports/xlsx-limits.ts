import { createReadStream } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { createInflateRaw } from 'node:zlib';
import { AppError } from '../../platform/errors.ts';
import { formatBytes, type XlsxLimits } from './import-limits.ts';

/**
 * An XLSX is a ZIP: a few megabytes can unpack to gigabytes of shared strings, which the reader
 * keeps in memory. Before anything is unpacked, the ZIP's central directory is read and the file
 * refused when the sizes it records for its parts pass the limits; then the shared strings are
 * unpacked once into nothing, counting the bytes they really give and the strings, so a file
 * whose directory understates its sizes is refused as well. Rows are counted while reading.
 */

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
// The end record is 22 bytes plus a comment of at most 65,535.
const END_SEARCH_BYTES = 22 + 0xffff;
const ZIP64_MARK = 0xffffffff;
const SHARED_STRINGS = 'xl/sharedStrings.xml';

/** Refuses an XLSX file whose parts unpack past the limits, with a message an official can act on. */
export async function checkXlsxLimits(path: string, limits: XlsxLimits): Promise<void> {
  const entries = await readCentralDirectory(path);
  const declared = entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
  if (entries.some((e) => e.uncompressedSize === ZIP64_MARK) || declared > limits.maxUncompressedBytes) {
    throw refuse(
      `XLSX 文件解压后约 ${formatBytes(declared)}，超过 ${formatBytes(limits.maxUncompressedBytes)} 的上限，请另存为 CSV 或拆分后导入`,
    );
  }
  const sharedStrings = entries.find((e) => e.name === SHARED_STRINGS);
  if (!sharedStrings) return;
  if (sharedStrings.uncompressedSize > limits.maxSharedStringsBytes) throw sharedStringsTooLarge(limits);
  await countSharedStrings(path, sharedStrings, limits);
}

/** The row limit, checked as rows are read. */
export function checkXlsxRow(rowNumber: number, limits: XlsxLimits): void {
  if (rowNumber > limits.maxRows)
    throw refuse(`XLSX 工作表超过 ${limits.maxRows.toLocaleString('en-US')} 行的上限，请另存为 CSV 或拆分后导入`);
}

function refuse(message: string): AppError {
  return new AppError('IMPORT_FILE_TOO_LARGE', message);
}

function sharedStringsTooLarge(limits: XlsxLimits): AppError {
  return refuse(
    `XLSX 文件的共享字符串解压后超过 ${formatBytes(limits.maxSharedStringsBytes)} 的上限，请另存为 CSV 后导入`,
  );
}

async function readCentralDirectory(path: string): Promise<ZipEntry[]> {
  const file = await open(path, 'r');
  try {
    const { size } = await file.stat();
    const tailLength = Math.min(size, END_SEARCH_BYTES);
    const tail = await readAt(file, size - tailLength, tailLength);
    const end = tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    if (end < 0 || tail.readUInt32LE(end) !== END_OF_DIRECTORY)
      throw new AppError('IMPORT_FILE_UNREADABLE', 'XLSX 文件已损坏：找不到 ZIP 目录');
    const directorySize = tail.readUInt32LE(end + 12);
    const directoryOffset = tail.readUInt32LE(end + 16);
    if (directoryOffset + directorySize > size)
      throw new AppError('IMPORT_FILE_UNREADABLE', 'XLSX 文件已损坏：ZIP 目录超出文件');
    return parseDirectory(await readAt(file, directoryOffset, directorySize));
  } finally {
    await file.close();
  }
}

async function readAt(file: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await file.read(buffer, 0, length, position);
  return buffer.subarray(0, bytesRead);
}

function parseDirectory(directory: Buffer): ZipEntry[] {
  const entries: ZipEntry[] = [];
  for (let at = 0; at + 46 <= directory.length && directory.readUInt32LE(at) === DIRECTORY_ENTRY;) {
    const nameLength = directory.readUInt16LE(at + 28);
    const extraLength = directory.readUInt16LE(at + 30);
    const commentLength = directory.readUInt16LE(at + 32);
    entries.push({
      name: directory.toString('utf8', at + 46, at + 46 + nameLength),
      method: directory.readUInt16LE(at + 10),
      compressedSize: directory.readUInt32LE(at + 20),
      uncompressedSize: directory.readUInt32LE(at + 24),
      localHeaderOffset: directory.readUInt32LE(at + 42),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Unpacks the shared strings into nothing, stopping at the first limit passed. */
async function countSharedStrings(path: string, entry: ZipEntry, limits: XlsxLimits): Promise<void> {
  const file = await open(path, 'r');
  let dataStart: number;
  try {
    const header = await readAt(file, entry.localHeaderOffset, 30);
    if (header.length < 30 || header.readUInt32LE(0) !== LOCAL_HEADER)
      throw new AppError('IMPORT_FILE_UNREADABLE', 'XLSX 文件已损坏：共享字符串部件的位置不对');
    dataStart = entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  } finally {
    await file.close();
  }
  if (entry.compressedSize === 0) return;
  const raw = createReadStream(path, { start: dataStart, end: dataStart + entry.compressedSize - 1 });
  const unpacked = entry.method === 0 ? raw : raw.pipe(createInflateRaw());
  let bytes = 0;
  let strings = 0;
  let carry = '';
  try {
    for await (const chunk of unpacked as AsyncIterable<Buffer>) {
      bytes += chunk.length;
      if (bytes > limits.maxSharedStringsBytes) throw sharedStringsTooLarge(limits);
      // `<si>` or `<si ` opens a string; the last three characters carry over a chunk's edge.
      const text = carry + chunk.toString('latin1');
      strings += text.match(/<si[ >]/g)?.length ?? 0;
      carry = text.slice(-3);
      if (strings > limits.maxSharedStrings)
        throw refuse(
          `XLSX 文件的共享字符串超过 ${limits.maxSharedStrings.toLocaleString('en-US')} 条的上限，请另存为 CSV 后导入`,
        );
    }
  } finally {
    raw.destroy();
    if (unpacked !== raw) unpacked.destroy();
  }
}
