import { createHmac } from 'node:crypto';

const BASE32_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** RFC 4648 base32 (no padding needed) → bytes. */
export function decodeBase32(text) {
  const clean = text.replace(/[\s=-]/g, '').toUpperCase();
  let bits = 0;
  let value = 0;
  const bytes = [];
  for (const char of clean) {
    const index = BASE32_ALPHABET.indexOf(char);
    if (index < 0) throw new Error(`Not a base32 character: ${char}`);
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(bytes);
}

/** RFC 6238 TOTP: HMAC-SHA-1, 30-second step, 6 digits. */
export function totpCode(secretBase32, atMs = Date.now(), { stepSeconds = 30, digits = 6 } = {}) {
  const counter = Math.floor(atMs / 1000 / stepSeconds);
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const hmac = createHmac('sha1', decodeBase32(secretBase32)).update(message).digest();
  const offset = hmac[hmac.length - 1] & 0x0f;
  const binary = hmac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** digits).padStart(digits, '0');
}

const lastStepUsed = new Map();

/**
 * A code that stays valid for at least `marginSeconds`, waiting for the next step if needed.
 * The server accepts each code once per account and reads real time for TOTP (never the demo
 * clock), so this waits for a new step when the last code of this secret was already used.
 * `clockOffsetMs` is accepted for the callers' sake and ignored.
 */
export async function freshTotpCode(secretBase32, marginSeconds = 4, _clockOffsetMs = 0) {
  const step = () => Math.floor(Date.now() / 1000 / 30);
  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  const secondsLeft = () => 30 - (Math.floor(Date.now() / 1000) % 30);
  if (secondsLeft() < marginSeconds) await sleep(secondsLeft() * 1000 + 200);
  while (lastStepUsed.get(secretBase32) !== undefined && step() <= lastStepUsed.get(secretBase32))
    await sleep(secondsLeft() * 1000 + 200);
  lastStepUsed.set(secretBase32, step());
  return totpCode(secretBase32, Date.now());
}
