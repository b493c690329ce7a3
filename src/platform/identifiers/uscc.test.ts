import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkUscc, computeUsccCheckChar, makeUscc, USCC_CHARSET, USCC_REASONS } from './uscc.ts';

// Published codes of well-known companies, checked by hand against GB 32100.
const REAL_CODES = ['91440300708461136T', '91330100716105852F', '914403001922038216', '91350100M000100Y43'];

const charFrom = (set: string) => fc.constantFrom(...set.split(''));
const orgBody = fc.array(charFrom(USCC_CHARSET), { minLength: 8, maxLength: 8 }).map((a) => a.join(''));
const regionCode = fc.integer({ min: 0, max: 999_999 }).map((n) => String(n).padStart(6, '0'));
const prefix = fc.tuple(charFrom(USCC_CHARSET), charFrom(USCC_CHARSET)).map(([a, b]) => a + b);
const validUscc = fc.record({ regionCode, orgBody, prefix }).map((parts) => makeUscc(parts));

describe('checkUscc', () => {
  it.each(REAL_CODES)('accepts the real code %s', (code) => {
    expect(checkUscc(code)).toEqual({ valid: true, normalized: code, regionCode: code.slice(2, 8) });
  });

  it('normalises full-width, lower-case and spaced input', () => {
    expect(checkUscc(' ９１３３０１００７１６１０５８５２ｆ ')).toMatchObject({
      valid: true,
      normalized: '91330100716105852F',
    });
  });

  it.each([
    ['', 'EMPTY'],
    ['　', 'EMPTY'],
    ['9144030070846113', 'USCC_LENGTH'],
    ['91440300708461136TT', 'USCC_LENGTH'],
    ['91440300708461136I', 'USCC_CHARSET'],
    ['9144O300708461136T', 'USCC_CHARSET'],
    ['91A40300708461136T', 'USCC_REGION_FORMAT'],
    ['914403007084611X6T', 'USCC_ORG_CODE_CHECK'],
    ['91440300708461136U', 'USCC_CHECK_CHAR'],
  ])('rejects %j with %s', (input, reason) => {
    expect(checkUscc(input)).toMatchObject({ valid: false, reason });
  });

  it('computes the check character of a real code', () => {
    expect(computeUsccCheckChar('91440300708461136')).toBe('T');
  });

  it('accepts every generated code and reports its region', () => {
    fc.assert(
      fc.property(validUscc, (code) => {
        expect(checkUscc(code)).toEqual({ valid: true, normalized: code, regionCode: code.slice(2, 8) });
      }),
    );
  });

  it('rejects any single-character change to a valid code', () => {
    const change = fc.tuple(validUscc, fc.integer({ min: 0, max: 17 }), charFrom(USCC_CHARSET + 'IOSVZ-'));
    fc.assert(
      fc.property(change, ([code, position, char]) => {
        fc.pre(code[position] !== char);
        const changed = code.slice(0, position) + char + code.slice(position + 1);
        expect(checkUscc(changed).valid).toBe(false);
      }),
    );
  });

  it('never throws on random input and always gives a known reason', () => {
    const anyText = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.string({ unit: 'grapheme-ascii', minLength: 18, maxLength: 18 }),
    );
    fc.assert(
      fc.property(anyText, (text) => {
        const result = checkUscc(text);
        if (!result.valid) expect(Object.keys(USCC_REASONS)).toContain(result.reason);
      }),
    );
  });
});
