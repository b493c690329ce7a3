import { describe, expect, it } from 'vitest';
import { enUS } from './en-US.ts';
import { zhCN } from './zh-CN.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('locales', () => {
  it('translate every key, with the same placeholders, and never to an empty string', () => {
    expect(Object.keys(enUS).sort()).toEqual(Object.keys(zhCN).sort());
    for (const [key, chinese] of Object.entries(zhCN)) {
      const english = enUS[key as keyof typeof zhCN];
      expect(english, key).not.toBe('');
      expect(placeholders(english), key).toEqual(placeholders(chinese));
    }
  });

  it('map every server error code the platform defines', () => {
    const platformCodes = [
      'VALIDATION_FAILED',
      'UNAUTHENTICATED',
      'SESSION_EXPIRED',
      'INVALID_CREDENTIALS',
      'TOTP_REQUIRED',
      'TOTP_INVALID',
      'ACCOUNT_LOCKED',
      'ACCOUNT_DISABLED',
      'FORBIDDEN',
      'NOT_FOUND',
      'RATE_LIMITED',
      'CALENDAR_NOT_COVERED',
      'USERNAME_TAKEN',
      'WEAK_PASSWORD',
      'INTERNAL',
      'ORIGIN_REFUSED',
      'PAYLOAD_TOO_LARGE',
      'UNSUPPORTED_MEDIA_TYPE',
      'REQUEST_TIMEOUT',
      'PARAMETER_ABOVE_CEILING',
    ];
    for (const code of platformCodes) expect(Object.keys(zhCN)).toContain(`error.${code}`);
  });
});
