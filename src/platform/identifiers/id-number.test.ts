import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ageOn, checkIdNumber, computeIdCheckChar, ID_NUMBER_REASONS, makeIdNumber } from './id-number.ts';

const TODAY = '2026-11-27';
const check = (input: string) => checkIdNumber(input, { today: TODAY });

const region = fc.constantFrom('110105', '320102', '320583', '321283', '321322', '440300', '810000');
const birthDate = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date(`${TODAY}T00:00:00Z`), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const validIdNumber = fc
  .tuple(region, birthDate, fc.integer({ min: 0, max: 999 }))
  .map(([r, b, s]) => makeIdNumber(r, b, s));

describe('checkIdNumber', () => {
  it("accepts the standard's example 11010519491231002X", () => {
    expect(check('11010519491231002X')).toEqual({
      valid: true,
      normalized: '11010519491231002X',
      birthDate: '1949-12-31',
      sex: 'female',
      provinceCode: '11',
    });
  });

  it('normalises a lower-case x and full-width input', () => {
    expect(check('11010519491231002x')).toMatchObject({ valid: true, normalized: '11010519491231002X' });
    expect(check('１１０１０５１９４９１２３１００２Ｘ')).toMatchObject({
      valid: true,
      normalized: '11010519491231002X',
    });
  });

  it('reads the sex from the sequence code (odd = male)', () => {
    expect(check(makeIdNumber('320583', '1990-05-01', 123))).toMatchObject({ sex: 'male', provinceCode: '32' });
  });

  it.each([
    ['', 'EMPTY'],
    ['110105491231002', 'ID_LEGACY_15'],
    ['1101051949123100', 'ID_LENGTH'],
    ['11010519491231002Y', 'ID_CHARSET'],
    ['X10105194912310021', 'ID_CHARSET'],
    ['99010519491231002X', 'ID_ADDRESS_CODE'],
    ['110105194902300021', 'ID_BIRTH_DATE'],
    ['110105189912310021', 'ID_BIRTH_DATE'],
    [makeIdNumber('320102', '2026-11-28', 1), 'ID_BIRTH_DATE'],
    ['110105194912310021', 'ID_CHECK_DIGIT'],
  ])('rejects %j with %s', (input, reason) => {
    expect(check(input)).toMatchObject({ valid: false, reason });
  });

  it('computes the MOD 11-2 check character', () => {
    expect(computeIdCheckChar('11010519491231002')).toBe('X');
  });

  it('accepts every generated number', () => {
    fc.assert(
      fc.property(validIdNumber, (number) => {
        expect(check(number).valid).toBe(true);
      }),
    );
  });

  it('rejects any single-character change to a valid number', () => {
    const change = fc.tuple(
      validIdNumber,
      fc.integer({ min: 0, max: 17 }),
      fc.constantFrom(...'0123456789XA'.split('')),
    );
    fc.assert(
      fc.property(change, ([number, position, char]) => {
        fc.pre(number[position] !== char);
        const changed = number.slice(0, position) + char + number.slice(position + 1);
        expect(check(changed).valid).toBe(false);
      }),
    );
  });

  it('never throws on random input and always gives a known reason', () => {
    const anyText = fc.oneof(fc.string({ unit: 'binary' }), fc.stringMatching(/^[0-9Xx]{14,19}$/));
    fc.assert(
      fc.property(anyText, (text) => {
        const result = check(text);
        if (!result.valid) expect(Object.keys(ID_NUMBER_REASONS)).toContain(result.reason);
      }),
    );
  });
});

describe('ageOn', () => {
  it('counts full years, the birthday itself included', () => {
    expect(ageOn('1990-06-15', '2026-06-14')).toBe(35);
    expect(ageOn('1990-06-15', '2026-06-15')).toBe(36);
  });

  it('lets a 29 February birthday count from 1 March in common years', () => {
    expect(ageOn('2000-02-29', '2025-02-28')).toBe(24);
    expect(ageOn('2000-02-29', '2025-03-01')).toBe(25);
  });
});
