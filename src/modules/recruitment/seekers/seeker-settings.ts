import { readFileSync } from 'node:fs';

/** The verification code's parameters (reference/recruitment/seekers.json): digits, expiry, tries, resend gap. */
export interface SeekerSettings {
  codeDigits: number;
  expiresMinutes: number;
  maxAttempts: number;
  resendSeconds: number;
}

const FILE = new URL('../../../../reference/recruitment/seekers.json', import.meta.url);
let cached: SeekerSettings | undefined;

/** Read once; a file without one of the numbers stops the start naming it. */
export function loadSeekerSettings(): SeekerSettings {
  if (cached) return cached;
  const file = JSON.parse(readFileSync(FILE, 'utf8')) as { verification?: Partial<SeekerSettings> };
  const v = file.verification ?? {};
  for (const key of ['codeDigits', 'expiresMinutes', 'maxAttempts', 'resendSeconds'] as const)
    if (typeof v[key] !== 'number' || !(v[key] > 0))
      throw new Error(`reference/recruitment/seekers.json 缺少或错误的参数 verification.${key}`);
  cached = v as SeekerSettings;
  return cached;
}
