/** HMAC-SM3 as lowercase hex. */
export function hmacSm3Hex(key: Buffer | Uint8Array, data: string | Buffer): string;
/** The keyed blind index of a normalised value; the kind keeps ID, phone and e-mail indexes apart (ADR 0002). */
export function blindIndexOf(key: Buffer | Uint8Array, kind: string, normalized: string): string;
/** SM4-CBC encrypt-then-MAC; base64 of version ‖ IV(16) ‖ ciphertext ‖ tag(32). */
export function sm4Encrypt(plain: string, encryptionKey: Buffer | Uint8Array, macKey: Buffer | Uint8Array): string;
/** blindIndexOf as its 32 bytes (the hex text of which is the index). */
export function blindIndexBytes(key: Buffer | Uint8Array, kind: string, normalized: string): Buffer;
