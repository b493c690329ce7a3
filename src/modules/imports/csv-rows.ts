import { parse, type Options } from 'csv-parse';
import { Readable, pipeline } from 'node:stream';
import type { SourceRow } from './source.ts';

/**
 * CSV rows with the semantics of csv-parse under these options — its line numbers, its
 * treatment of empty lines, quotes and record delimiters — read about five times faster.
 * Import files are mostly plain lines: those are cut at commas (and simple quoted fields,
 * `"6,000.00"`, are unquoted) here. The first line this reader is not certain about (a quoted
 * field spanning lines, a stray carriage return, a quote after a closing quote…) hands the
 * rest of the file to csv-parse itself, so every file reads exactly as csv-parse reads it
 * (`csv-rows.test.ts` compares the two on generated files).
 */
export const CSV_OPTIONS: Options = { relax_column_count: true, skip_empty_lines: true, relax_quotes: true };

type RecordDelimiter = '\n' | '\r\n';

/**
 * Rows of decoded CSV text arriving in chunks, a chunk's rows at a time (one await per chunk,
 * not per row); a leading byte-order mark is dropped.
 */
export async function* readCsvRows(chunks: AsyncIterable<string>): AsyncGenerator<SourceRow[]> {
  const iterator = chunks[Symbol.asyncIterator]();
  try {
    yield* readRows(iterator);
  } finally {
    // A reader stopped early (a refused file, a failed batch) closes the file.
    await iterator.return?.();
  }
}

// Each chunk's lines are cut from the chunk itself; only a line running across two chunks is
// joined (joining whole chunks would copy every byte of the file once more).
async function* readRows(iterator: AsyncIterator<string>): AsyncGenerator<SourceRow[]> {
  let carry = ''; // an unfinished line; before the record delimiter is known, all text so far
  let line = 1;
  let delimiter: RecordDelimiter | undefined;
  let isFirstChunk = true;
  for (;;) {
    const next = await iterator.next();
    if (next.done) break;
    let chunk = next.value;
    if (isFirstChunk && chunk.length > 0) {
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
      isFirstChunk = false;
    }
    if (!delimiter) {
      carry += chunk;
      const found = discoverDelimiter(carry, false);
      if (found === 'more') continue;
      if (found === 'unsure') return yield* readWithCsvParse(carry, iterator, 0, undefined);
      delimiter = found;
      [chunk, carry] = [carry, ''];
    }
    const rows: SourceRow[] = [];
    let pos = 0;
    if (carry.length > 0) {
      const newline = chunk.indexOf('\n');
      if (newline < 0) {
        carry += chunk;
        continue;
      }
      const joined = carry + chunk.slice(0, newline + 1);
      const cells = cutLine(joined, 0, joined.length - 1, delimiter);
      if (cells === undefined) return yield* readWithCsvParse(carry + chunk, iterator, line - 1, delimiter);
      if (cells !== EMPTY_LINE) rows.push({ line, cells });
      line += 1;
      pos = newline + 1;
      carry = '';
    }
    for (;;) {
      const newline = chunk.indexOf('\n', pos);
      if (newline < 0) break;
      const cells = cutLine(chunk, pos, newline, delimiter);
      if (cells === undefined) {
        if (rows.length > 0) yield rows;
        return yield* readWithCsvParse(chunk.slice(pos), iterator, line - 1, delimiter);
      }
      if (cells !== EMPTY_LINE) rows.push({ line, cells });
      line += 1;
      pos = newline + 1;
    }
    carry = chunk.slice(pos);
    if (rows.length > 0) yield rows;
  }
  // The end of the file: a last line without a line ending after it, if any.
  if (!delimiter && discoverDelimiter(carry, true) === 'unsure')
    return yield* readWithCsvParse(carry, iterator, 0, undefined);
  if (carry.length === 0) return;
  const cells = splitLine(carry, 0, carry.length);
  if (cells === undefined) return yield* readWithCsvParse(carry, iterator, line - 1, delimiter);
  if (cells !== EMPTY_LINE) yield [{ line, cells }];
}

/** The cells of the line of text[start, newline), its record delimiter ending at newline. */
function cutLine(text: string, start: number, newline: number, delimiter: RecordDelimiter): string[] | undefined {
  if (delimiter === '\n') return splitLine(text, start, newline);
  // With \r\n line endings, a line feed without its carriage return is data to csv-parse.
  const end = newline - 1;
  return end < start || text.charCodeAt(end) !== 13 ? undefined : splitLine(text, start, end);
}

// csv-parse takes the first line ending of the file as the record delimiter (\r\n before \n).
// A lone \r, or a quote before the first line ending (which might be a quoted line break), is
// left to csv-parse.
function discoverDelimiter(text: string, isEnd: boolean): RecordDelimiter | 'more' | 'unsure' {
  const match = /[\r\n]/.exec(text);
  if (!match) return isEnd ? '\n' : 'more';
  if (text.lastIndexOf('"', match.index) >= 0) return 'unsure';
  if (text[match.index] === '\n') return '\n';
  if (match.index + 1 >= text.length) return isEnd ? 'unsure' : 'more';
  return text[match.index + 1] === '\n' ? '\r\n' : 'unsure';
}

const EMPTY_LINE: string[] = [];

/** The cells of text[start, end), EMPTY_LINE for an empty line, undefined when unsure. */
function splitLine(text: string, start: number, end: number): string[] | undefined {
  if (start === end) return EMPTY_LINE;
  const line = text.slice(start, end);
  // csv-parse counts a carriage return inside a line as a line of its own.
  if (line.indexOf('\r') >= 0) return undefined;
  return line.indexOf('"') < 0 ? line.split(',') : splitQuotedLine(line);
}

// A field that starts with a quote runs to the next lone quote, "" standing for one quote; a
// quote inside an unquoted field is an ordinary character (relax_quotes). A closing quote
// followed by anything but a comma or the end of the line, or a quoted field running past
// the end of the line, is csv-parse's to read.
function splitQuotedLine(line: string): string[] | undefined {
  const cells: string[] = [];
  let pos = 0;
  for (;;) {
    let cell: string;
    if (line.charCodeAt(pos) === 34) {
      cell = '';
      let from = pos + 1;
      for (;;) {
        const quote = line.indexOf('"', from);
        if (quote < 0) return undefined;
        cell += line.slice(from, quote);
        if (line.charCodeAt(quote + 1) !== 34) {
          pos = quote + 1;
          break;
        }
        cell += '"';
        from = quote + 2;
      }
      if (pos < line.length && line.charCodeAt(pos) !== 44) return undefined;
    } else {
      const comma = line.indexOf(',', pos);
      const cellEnd = comma < 0 ? line.length : comma;
      cell = line.slice(pos, cellEnd);
      pos = cellEnd;
    }
    cells.push(cell);
    if (pos >= line.length) return cells;
    pos += 1; // the comma
    if (pos === line.length) {
      cells.push('');
      return cells;
    }
  }
}

const ROWS_PER_YIELD = 1000;

/** The rest of the file, from the start of a line, read by csv-parse itself. */
async function* readWithCsvParse(
  rest: string,
  iterator: AsyncIterator<string>,
  lineOffset: number,
  delimiter: RecordDelimiter | undefined,
): AsyncGenerator<SourceRow[]> {
  async function* remaining(): AsyncGenerator<string> {
    if (rest.length > 0) yield rest;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield next.value;
    }
  }
  const parser = parse({ ...CSV_OPTIONS, info: true, ...(delimiter ? { record_delimiter: delimiter } : {}) });
  // Errors of either side end the iteration below; pipeline only needs a callback.
  pipeline(Readable.from(remaining()), parser, () => undefined);
  let rows: SourceRow[] = [];
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      rows.push({ line: info.lines + lineOffset, cells: record });
      if (rows.length >= ROWS_PER_YIELD) {
        yield rows;
        rows = [];
      }
    }
    if (rows.length > 0) yield rows;
  } catch (error) {
    // csv-parse counts from the line it started on; its messages name the file's line.
    if (lineOffset > 0 && error instanceof Error)
      error.message = error.message.replace(/line (\d+)/g, (_, n: string) => `line ${Number(n) + lineOffset}`);
    throw error;
  }
}
