import { createCipheriv, createDecipheriv, createHash, createHmac, randomFillSync, timingSafeEqual } from 'node:crypto';

/** SM3 digest (GB/T 32905) as lowercase hex. */
export function sm3Hex(data: string | Buffer): string {
  return createHash('sm3').update(data).digest('hex');
}

/** HMAC-SM3 as lowercase hex. */
export function hmacSm3Hex(key: Buffer, data: string | Buffer): string {
  return createHmac('sm3', key).update(data).digest('hex');
}

/**
 * SM4-CBC encrypt-then-MAC (HMAC-SM3 over IV ‖ ciphertext): Node has no SM4-GCM, and an
 * unauthenticated CBC ciphertext could be altered undetected. Output: base64 of
 * version ‖ IV(16) ‖ ciphertext ‖ tag(32).
 */
export function sm4Encrypt(plain: string, encryptionKey: Buffer, macKey: Buffer): string {
  const iv = nextIv();
  const cipher = createCipheriv('sm4-cbc', encryptionKey, iv);
  const body = Buffer.concat([iv, cipher.update(plain, 'utf8'), cipher.final()]);
  const tag = createHmac('sm3', macKey).update(body).digest();
  return Buffer.concat([Buffer.from([1]), body, tag]).toString('base64');
}

// IVs are cut from a block of random bytes filled 4,096 IVs at a time: one call into the CSPRNG
// per block instead of one per value (a quarter of the cost of encrypting a short value). Each
// IV is used once, synchronously, before the block can be refilled.
const IV_BYTES = 16;
const ivPool = Buffer.alloc(IV_BYTES * 4096);
let ivOffset = ivPool.length;

function nextIv(): Buffer {
  if (ivOffset >= ivPool.length) {
    randomFillSync(ivPool);
    ivOffset = 0;
  }
  const iv = ivPool.subarray(ivOffset, ivOffset + IV_BYTES);
  ivOffset += IV_BYTES;
  return iv;
}

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
