import { describe, expect, it } from 'vitest';
import { idCheckChar, makeIdNumber } from './id-number.mjs';

describe('generated ID numbers', () => {
  it('computes the published example’s check character', () => {
    // GB 11643-1999 appendix example: 11010519491231002X.
    expect(idCheckChar('11010519491231002')).toBe('X');
  });
  it('builds 18 characters with the birth date inside', () => {
    const id = makeIdNumber('320115', '2002-05-17', 31);
    expect(id).toMatch(/^32011520020517031[0-9X]$/);
  });
});
