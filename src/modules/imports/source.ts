import ExcelJS from 'exceljs';
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import iconv from 'iconv-lite';
import { readCsvRows } from './csv-rows.ts';
import { loadImportLimits, type XlsxLimits } from './import-limits.ts';
import type { RawCell } from './import-kind.ts';
import { checkXlsxLimits, checkXlsxRow } from './xlsx-limits.ts';

/** One row of a file: its 1-based line (the header is line 1) and its cells in file order. */
export interface SourceRow {
  line: number;
  cells: RawCell[];
}

export interface SourceFile {
  format: 'csv' | 'xlsx';
  encoding: 'utf-8' | 'gb18030' | 'binary';
  totalBytes: number;
  /** Bytes consumed so far, for progress. */
  bytesRead(): number;
  /** The rows in file order, a chunk of the file at a time. */
  rowBatches(): AsyncGenerator<SourceRow[]>;
  /** The rows in file order, one by one. */
  rows(): AsyncGenerator<SourceRow>;
}

const SAMPLE_BYTES = 64 * 1024;

/**
 * Opens an import file as a stream of rows, whatever it is: XLSX (by its ZIP signature) or CSV
 * in UTF-8 (with or without BOM) or GB18030 (detected when the first 64 KB are not valid UTF-8).
 * Memory stays flat: nothing holds more than the current chunk (and an XLSX's shared strings,
 * bounded by `xlsxLimits`: a file past them is refused before it is unpacked).
 */
export async function openSource(path: string, xlsxLimits: XlsxLimits = loadImportLimits().xlsx): Promise<SourceFile> {
  const totalBytes = (await stat(path)).size;
  const sample = await readSample(path);
  let consumed = 0;
  const track = (stream: Readable): Readable =>
    stream.on('data', (chunk: Buffer) => {
      consumed += chunk.length;
    });
  if (sample.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) {
    await checkXlsxLimits(path, xlsxLimits);
    const rowBatches = () => inBatches(xlsxRows(track(createReadStream(path)), xlsxLimits));
    return {
      format: 'xlsx',
      encoding: 'binary',
      totalBytes,
      bytesRead: () => consumed,
      rowBatches,
      rows: () => oneByOne(rowBatches()),
    };
  }
  const encoding = isUtf8(sample) ? 'utf-8' : 'gb18030';
  const rowBatches = () => readCsvRows(decodeText(track(createReadStream(path)), encoding));
  return {
    format: 'csv',
    encoding,
    totalBytes,
    bytesRead: () => consumed,
    rowBatches,
    rows: () => oneByOne(rowBatches()),
  };
}

async function* oneByOne(batches: AsyncIterable<SourceRow[]>): AsyncGenerator<SourceRow> {
  for await (const batch of batches) yield* batch;
}

async function* inBatches(rows: AsyncIterable<SourceRow>, size = 500): AsyncGenerator<SourceRow[]> {
  let batch: SourceRow[] = [];
  for await (const row of rows) {
    batch.push(row);
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

async function readSample(path: string): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(SAMPLE_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SAMPLE_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** Valid UTF-8, allowing a multi-byte character cut off at the end of the sample. */
function isUtf8(sample: Buffer): boolean {
  for (let cut = 0; cut <= 3 && cut < sample.length + 1; cut++) {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(sample.subarray(0, sample.length - cut));
      return true;
    } catch {
      // try again without a possibly truncated trailing character
    }
  }
  return false;
}

// The byte-order mark is kept here and dropped by the CSV reader, once, whatever the encoding.
async function* decodeText(input: Readable, encoding: 'utf-8' | 'gb18030'): AsyncGenerator<string> {
  if (encoding === 'gb18030') {
    for await (const text of input.pipe(iconv.decodeStream('gb18030', { stripBOM: false })) as AsyncIterable<string>)
      yield text;
    return;
  }
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  for await (const chunk of input as AsyncIterable<Buffer>) {
    const text = decoder.decode(chunk, { stream: true });
    if (text.length > 0) yield text;
  }
  const rest = decoder.decode();
  if (rest.length > 0) yield rest;
}

async function* xlsxRows(input: Readable, limits: XlsxLimits): AsyncGenerator<SourceRow> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
  });
  for await (const worksheet of workbook) {
    for await (const row of worksheet as AsyncIterable<ExcelJS.Row>) {
      checkXlsxRow(row.number, limits);
      const values = (row.values as ExcelJS.CellValue[]).slice(1).map(toRawCell);
      if (values.some((v) => v !== null && v !== undefined && v !== '')) yield { line: row.number, cells: values };
    }
    return; // only the first worksheet is data; later sheets are notes in real files
  }
}

/** Flattens exceljs cell values (rich text, formulas, hyperlinks) to plain values. */
function toRawCell(value: ExcelJS.CellValue): RawCell {
  if (value === null || value === undefined) return null;
  if (value instanceof Date || typeof value !== 'object') return value as RawCell;
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('result' in value) return toRawCell(value.result as ExcelJS.CellValue);
  if ('text' in value) return String(value.text);
  if ('error' in value) return null;
  return String(value);
}
