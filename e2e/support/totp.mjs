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

/**
 * A code that stays valid for at least `marginSeconds`, waiting for the next step if needed.
 * `clockOffsetMs`: how far the server's clock is ahead (a server on the demo clock).
 */
export async function freshTotpCode(secretBase32, marginSeconds = 4, clockOffsetMs = 0) {
  const serverNow = () => Date.now() + clockOffsetMs;
  const secondsLeft = 30 - (Math.floor(serverNow() / 1000) % 30);
  if (secondsLeft < marginSeconds) await new Promise((resolve) => setTimeout(resolve, secondsLeft * 1000 + 200));
  return totpCode(secretBase32, serverNow());
}
