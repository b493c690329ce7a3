import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** A province-level division of GB/T 2260, as the first two digits of an ID number name it. */
export interface Province {
  code: string;
  name: string;
  western: boolean;
}

const PROVINCES_FILE = fileURLToPath(new URL('../../../../reference/regions/provinces.csv', import.meta.url));
let provinces: Map<string, Province> | undefined;

/** The provinces of reference/regions/provinces.csv by code (read once). */
export function provincesByCode(): ReadonlyMap<string, Province> {
  if (!provinces) {
    const lines = readFileSync(PROVINCES_FILE, 'utf8').trim().split(/\r?\n/).slice(1);
    provinces = new Map(
      lines.map((line) => {
        const [code, name, western] = line.split(',');
        return [code!, { code: code!, name: name!, western: western === '1' }];
      }),
    );
  }
  return provinces;
}

/** The home province of a (valid, normalised) ID number: its first two digits; undefined if unknown. */
export function homeProvinceOf(idNumber: string): Province | undefined {
  return provincesByCode().get(`${idNumber.slice(0, 2)}0000`);
}
