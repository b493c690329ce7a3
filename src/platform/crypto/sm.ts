import { createDecipheriv, createHash, createHmac, timingSafeEqual } from 'node:crypto';

/** SM3 digest (GB/T 32905) as lowercase hex. */
export function sm3Hex(data: string | Buffer): string {
  return createHash('sm3').update(data).digest('hex');
}

// HMAC-SM3 and sealing live in plain JavaScript, loadable by the sealing worker threads.
export { blindIndexOf, hmacSm3Hex, sm4Encrypt } from './sm-core.mjs';

/** Verifies the tag, then decrypts; throws on any tampering. */
export function sm4Decrypt(sealed: string, encryptionKey: Buffer, macKey: Buffer): string {
  const bytes = Buffer.from(sealed, 'base64');
  if (bytes.length < 1 + 16 + 16 + 32 || bytes[0] !== 1) throw new Error('密文格式不正确');
  const body = bytes.subarray(1, bytes.length - 32);
  const tag = bytes.subarray(bytes.length - 32);
  const expected = createHmac('sm3', macKey).update(body).digest();
  if (!timingSafeEqual(tag, expected)) throw new Error('密文校验失败');
  const decipher = createDecipheriv('sm4-cbc', encryptionKey, body.subarray(0, 16));
  return Buffer.concat([decipher.update(body.subarray(16)), decipher.final()]).toString('utf8');
}
