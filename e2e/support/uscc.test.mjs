import { describe, expect, it } from 'vitest';
import { makeUscc, orgCodeCheckChar, usccCheckChar } from './uscc.mjs';

describe('makeUscc', () => {
  it('computes the check characters of published codes', () => {
    // Codes of real, published registrations: 91440300708461136T, 91330100716105852F.
    expect(usccCheckChar('91440300708461136')).toBe('T');
    expect(orgCodeCheckChar('70846113')).toBe('6');
    expect(usccCheckChar('91330100716105852')).toBe('F');
    expect(orgCodeCheckChar('71610585')).toBe('2');
  });

  it('builds 18-character codes carrying the region', () => {
    const code = makeUscc('320106', 12345);
    expect(code).toMatch(/^91320106[0-9A-Z]{10}$/);
    expect(code.slice(8, 16)).toBe('00012345');
  });
});
