import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_REFERENCE_DIR, readCsvFile, readReferenceRows } from './reference.files.ts';

const badFile = expect.objectContaining({ code: 'CONFIG_INVALID' });
let dir: string | undefined;

/** A private copy of reference/ with one file replaced. */
function referenceCopyWith(file: string, content: string): string {
  dir = mkdtempSync(path.join(tmpdir(), 'yangfan-reference-'));
  cpSync(DEFAULT_REFERENCE_DIR, dir, { recursive: true });
  writeFileSync(path.join(dir, file), content);
  return dir;
}

afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

describe('reference files', () => {
  it('reads the shipped files', () => {
    const rows = readReferenceRows();
    expect(rows.regions).toHaveLength(109);
    expect(rows.aliases.filter((a) => a.kind === 'statistical_zone')).toHaveLength(9);
    expect(rows.industries.filter((i) => i.is_manufacturing === 1)).toHaveLength(32);
  });

  it('reads a BOM, CRLF line ends and quoted fields', () => {
    const folder = referenceCopyWith('x.csv', '\ufeffcode,name\r\n"01","农业，""种植"""\r\n\r\n');
    expect(readCsvFile(path.join(folder, 'x.csv'), ['code', 'name'])).toEqual([{ code: '01', name: '农业，"种植"' }]);
  });

  it('refuses a file with a missing column', () => {
    const folder = referenceCopyWith('industries/gbt4754-2017.csv', 'code,name\nA,农业\n');
    expect(() => readReferenceRows(folder)).toThrow(badFile);
  });

  it('refuses an alias that points at an unknown code', () => {
    const folder = referenceCopyWith('regions/retired-codes.csv', 'code,name,current_code,note\n320602,旧崇川区,320699,错\n');
    expect(() => readReferenceRows(folder)).toThrow(badFile);
  });

  it('refuses an occupation whose major group does not match its code', () => {
    const folder = referenceCopyWith('occupations/dadian-2022.csv', 'code,name,major_group,digital,green,note\n6-18-01-01,车工,2,,,\n');
    expect(() => readReferenceRows(folder)).toThrow(badFile);
  });

  it('marks the working list common and refuses a code that is in both occupation files', () => {
    const occupations = readReferenceRows().occupations;
    expect(occupations.find((o) => o.code === '6-18-02-04')).toMatchObject({ name: '焊工', is_common: 1 });
    expect(occupations.find((o) => o.code === '6-18-03-04')).toMatchObject({ name: '喷涂喷焊工', is_common: 0 });
    const folder = referenceCopyWith('occupations/dadian-2022-ocr.csv', 'code,name,major_group,digital,green,note\n6-18-02-04,焊工,6,,,待核\n');
    expect(() => readReferenceRows(folder)).toThrow(badFile);
  });
});
