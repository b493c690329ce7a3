import { describe, expect, it } from 'vitest';
import { normalizeIdentifier, toHalfWidth } from './normalize.ts';

describe('normalizeIdentifier', () => {
  it('turns full-width letters, digits and spaces into half-width and removes spaces', () => {
    expect(normalizeIdentifier('ＡＢＣ　１２３ ')).toBe('ABC123');
  });

  it('upper-cases and removes tabs, newlines and zero-width characters', () => {
    expect(normalizeIdentifier(' 1101\t0519\n4912\u200b31002x\ufeff')).toBe('11010519491231002X');
  });

  it('leaves Chinese characters alone', () => {
    expect(toHalfWidth('扬帆ｘ')).toBe('扬帆x');
  });
});
