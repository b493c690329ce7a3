import { parse } from 'csv-parse';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CSV_OPTIONS, readCsvRows } from './csv-rows.ts';
import type { SourceRow } from './source.ts';

type Outcome = { rows: SourceRow[] } | { error: string };

async function* inChunks(text: string, cuts: number[]): AsyncGenerator<string> {
  let from = 0;
  for (const cut of [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b)) {
    if (cut > from) yield text.slice(from, cut);
    from = Math.max(from, cut);
  }
  if (from < text.length) yield text.slice(from);
}

async function readFast(text: string, cuts: number[]): Promise<Outcome> {
  try {
    const rows: SourceRow[] = [];
    for await (const batch of readCsvRows(inChunks(text, cuts))) rows.push(...batch);
    return { rows };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

/** What the import read before the fast path: csv-parse over the whole text. */
async function readReference(text: string): Promise<Outcome> {
  try {
    const rows: SourceRow[] = [];
    const parser = parse(text, { ...CSV_OPTIONS, bom: true, info: true });
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>)
      rows.push({ line: info.lines, cells: record });
    return { rows };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

// Few characters, chosen to make every delimiter, quote and line-ending case frequent.
const piece = fc.constantFrom(
  'a',
  '张',
  '1',
  ',',
  ',',
  '"',
  '""',
  '\n',
  '\n',
  '\r\n',
  '\r',
  ' ',
  '\ufeff',
  '91320115MA1XXXXX0Y',
);

describe('the fast CSV reader', () => {
  it('reads every text exactly as csv-parse does: cells, line numbers and error messages', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.boolean(),
        fc.array(piece, { maxLength: 60 }),
        fc.array(fc.nat(), { maxLength: 6 }),
        async (hasBom, pieces, cuts) => {
          const text = (hasBom ? '\ufeff' : '') + pieces.join('');
          expect(await readFast(text, cuts)).toEqual(await readReference(text));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('reads plain lines, simple quoted fields and empty lines on the fast path, with their lines', async () => {
    const text = '\ufeffuscc,name,base\r\n\r\nA,张三,"6,000.00"\r\nB,"李""四""",5000\r\nC,王五,\r\n';
    expect(await readFast(text, [7, 30])).toEqual({
      rows: [
        { line: 1, cells: ['uscc', 'name', 'base'] },
        { line: 3, cells: ['A', '张三', '6,000.00'] },
        { line: 4, cells: ['B', '李"四"', '5000'] },
        { line: 5, cells: ['C', '王五', ''] },
      ],
    });
  });

  it('hands a quoted line break to csv-parse and keeps counting lines from there', async () => {
    const text = 'a,b\n1,2\n"x\ny",3\n4,5';
    expect(await readFast(text, [3])).toEqual({
      rows: [
        { line: 1, cells: ['a', 'b'] },
        { line: 2, cells: ['1', '2'] },
        { line: 4, cells: ['x\ny', '3'] },
        { line: 5, cells: ['4', '5'] },
      ],
    });
  });

  it("names the file's line in csv-parse's messages", async () => {
    const rows = readCsvRows(inChunks('a,b\n1,2\n3,"unclosed\n', []));
    await expect(
      (async () => {
        for await (const _ of rows) {
          /* read all */
        }
      })(),
    ).rejects.toThrow(/opening quote at line 3/);
  });
});
