import { describe, expect, it } from 'vitest';
import { isStrongPassword, passwordProblem } from './passwordRule.ts';

describe('isStrongPassword', () => {
  it('needs at least 12 characters', () => {
    expect(isStrongPassword('Ab1!Ab1!Ab1')).toBe(false);
    expect(isStrongPassword('Ab1!Ab1!Ab1!')).toBe(true);
  });

  it('needs three of upper case, lower case, digit and symbol', () => {
    expect(isStrongPassword('abcdefghij12')).toBe(false);
    expect(isStrongPassword('Abcdefghij12')).toBe(true);
    expect(isStrongPassword('abcdefgh!!12')).toBe(true);
    expect(isStrongPassword('Yangfan@2026')).toBe(true);
  });

  it('refuses spaces at either end rather than counting them', () => {
    expect(passwordProblem('          Aa1')).toBe('password.spaces');
    expect(passwordProblem(' Abcdefghij12')).toBe('password.spaces');
  });
});
