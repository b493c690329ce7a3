// The SM primitives that seal personal data, in plain JavaScript so that a worker thread can load
// them without the TypeScript loader (sealing-pool.ts): the thread then costs a few MB, not a
// second loader's. sm.ts re-exports them with their types (sm-core.d.mts); nothing else imports this.
import { createCipheriv, createHmac, randomFillSync } from 'node:crypto';

/** HMAC-SM3 as lowercase hex. */
export function hmacSm3Hex(key, data) {
  return createHmac('sm3', key).update(data).digest('hex');
}

/** The keyed blind index of a normalised value; the kind keeps ID, phone and e-mail indexes apart (ADR 0002). */
export function blindIndexOf(key, kind, normalized) {
  return hmacSm3Hex(key, `${kind}:${normalized}`);
}

/** blindIndexOf as its 32 bytes (the hex text of which is the index). */
export function blindIndexBytes(key, kind, normalized) {
  return createHmac('sm3', key).update(`${kind}:${normalized}`).digest();
}

/**
 * SM4-CBC encrypt-then-MAC (HMAC-SM3 over IV ‖ ciphertext): Node has no SM4-GCM, and an
 * unauthenticated CBC ciphertext could be altered undetected. Output: base64 of
 * version ‖ IV(16) ‖ ciphertext ‖ tag(32).
 */
export function sm4Encrypt(plain, encryptionKey, macKey) {
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

function nextIv() {
  if (ivOffset >= ivPool.length) {
    randomFillSync(ivPool);
    ivOffset = 0;
  }
  const iv = ivPool.subarray(ivOffset, ivOffset + IV_BYTES);
  ivOffset += IV_BYTES;
  return iv;
}
