import { describe, expect, it } from 'vitest';
import { hashPassword, passwordWeakness, verifyPassword } from './password.ts';
import { totpCode, verifyTotp } from './totp.ts';

describe('passwords', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const hash = await hashPassword('Yangfan@2026');
    expect(hash).toMatch(/^scrypt\$/);
    expect(await verifyPassword('Yangfan@2026', hash)).toBe(true);
    expect(await verifyPassword('Yangfan@2027', hash)).toBe(false);
  });

  it('explains why a password is too weak', () => {
    expect(passwordWeakness('short', 12)).toContain('至少 12 位');
    expect(passwordWeakness('alllowercase', 12)).toContain('至少三类');
    expect(passwordWeakness('Yangfan@2026', 12)).toBeNull();
  });
});

describe('TOTP (RFC 6238 SHA-1 test vectors)', () => {
  // RFC 6238 appendix B: secret "12345678901234567890" in base32.
  const secret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
  it.each([
    [59, '287082'],
    [1111111109, '081804'],
    [1234567890, '005924'],
    [2000000000, '279037'],
  ])('at %i s the code is %s', (seconds, code) => {
    expect(totpCode(secret, new Date(seconds * 1000))).toBe(code);
  });

  it('accepts one step of drift and nothing further', () => {
    const now = new Date(1_700_000_000_000);
    expect(verifyTotp(secret, totpCode(secret, new Date(now.getTime() - 30_000)), now)).toBe(true);
    expect(verifyTotp(secret, totpCode(secret, new Date(now.getTime() - 90_000)), now)).toBe(false);
    expect(verifyTotp(secret, 'abcdef', now)).toBe(false);
  });
});
