import { describe, expect, it } from 'vitest';
import { isStrongPassword } from './passwordRule.ts';

describe('isStrongPassword', () => {
  it('needs at least 10 characters', () => {
    expect(isStrongPassword('Ab1!Ab1!A')).toBe(false);
    expect(isStrongPassword('Ab1!Ab1!Ab')).toBe(true);
  });

  it('needs three of upper case, lower case, digit and symbol', () => {
    expect(isStrongPassword('abcdefghij12')).toBe(false);
    expect(isStrongPassword('Abcdefghij12')).toBe(true);
    expect(isStrongPassword('abcdefgh!!12')).toBe(true);
    expect(isStrongPassword('Yangfan@2026')).toBe(true);
  });
});
