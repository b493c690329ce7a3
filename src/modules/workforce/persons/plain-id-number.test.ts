import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkIdNumber, computeIdCheckChar } from '../../../platform/identifiers/id-number.ts';
import { createPlainIdNumberCheck } from './plain-id-number.ts';

const TODAY = '2025-06-15';

// 17 digits from any region and a birth date that may not exist, with a right or wrong 18th
// character, sometimes typed in lower case or cut short.
const idText = fc
  .tuple(
    fc.integer({ min: 0, max: 999_999 }),
    fc.integer({ min: 1880, max: 2030 }),
    fc.integer({ min: 0, max: 13 }),
    fc.integer({ min: 0, max: 32 }),
    fc.integer({ min: 0, max: 999 }),
    fc.constantFrom('right', 'wrong', 'lower', 'short'),
  )
  .map(([region, year, month, day, sequence, variant]) => {
    const first17 = `${String(region).padStart(6, '0')}${year}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}${String(sequence).padStart(3, '0')}`;
    const check = computeIdCheckChar(first17);
    if (variant === 'wrong') return first17 + (check === '0' ? '1' : '0');
    if (variant === 'lower') return first17 + check.toLowerCase();
    if (variant === 'short') return first17;
    return first17 + check;
  });

describe('the plain ID number check', () => {
  it('says valid exactly when checkIdNumber accepts the text as it stands', () => {
    const isPlainValid = createPlainIdNumberCheck(TODAY);
    fc.assert(
      fc.property(idText, (text) => {
        const check = checkIdNumber(text, { today: TODAY });
        expect(isPlainValid(text)).toBe(check.valid && check.normalized === text);
      }),
      { numRuns: 20_000 },
    );
  });

  it('leaves text that needs folding to checkIdNumber', () => {
    const isPlainValid = createPlainIdNumberCheck(TODAY);
    for (const text of [' 11010119900307001X', '11010119900307001x', '１１０１０１１９９００３０７００１Ｘ'])
      expect(isPlainValid(text)).toBe(false);
    expect(isPlainValid('11010119900307001X')).toBe(checkIdNumber('11010119900307001X', { today: TODAY }).valid);
  });

  it('knows the leap days of the Gregorian calendar and the earliest and latest birth dates', () => {
    const isPlainValid = createPlainIdNumberCheck(TODAY);
    for (const birth of [
      '19000229',
      '20000229',
      '19960229',
      '19970229',
      '18991231',
      '19000101',
      '20250615',
      '20250616',
    ]) {
      const first17 = `320102${birth}123`;
      const text = first17 + computeIdCheckChar(first17);
      expect(isPlainValid(text), birth).toBe(checkIdNumber(text, { today: TODAY }).valid);
    }
  });
});
