import type { KeyConfig } from '../../config.ts';
import { createSealingPool, type SealingPool } from './sealing-pool.ts';
import { blindIndexOf, hmacSm3Hex, sm4Decrypt, sm4Encrypt } from './sm.ts';

/**
 * Personal data at rest (GB/T 39786, DOMAIN §8): ID and phone numbers are stored only as
 * SM4 ciphertext plus a keyed blind index (HMAC-SM3) that lets equal values be found
 * without decrypting anything.
 */
export interface PersonalDataCipher {
  encrypt(plain: string): string;
  decrypt(sealed: string): string;
  /** Deterministic keyed index of a normalised value; the kind keeps ID, phone and e-mail indexes apart. */
  blindIndex(kind: 'id' | 'phone' | 'email', normalized: string): string;
  /**
   * Keyed digest of a whole request body, for idempotency checks: an unkeyed hash of a body that
   * carries a bank account or a phone number could be reversed by trying candidates.
   */
  requestDigest(canonicalBody: string): string;
  /** Worker threads that compute blind indexes and ciphertexts with the same keys (sealing-pool.ts), for bulk work. */
  createSealingPool?(): SealingPool;
}

export function createPersonalDataCipher(keys: KeyConfig): PersonalDataCipher {
  return {
    encrypt: (plain) => sm4Encrypt(plain, keys.encryption, keys.mac),
    decrypt: (sealed) => sm4Decrypt(sealed, keys.encryption, keys.mac),
    blindIndex: (kind, normalized) => blindIndexOf(keys.blindIndex, kind, normalized),
    requestDigest: (canonicalBody) => hmacSm3Hex(keys.blindIndex, `request:${canonicalBody}`),
    createSealingPool: () => createSealingPool(keys),
  };
}
