import { describe, expect, it } from 'vitest';
import { findWholeIdNumbers, maskIdNumber, maskPersonalDataInText, maskPhone } from './masking.ts';
import { createPersonalDataCipher } from './personal-data.ts';
import { sm3Hex } from './sm.ts';

const keys = {
  encryption: Buffer.alloc(16, 1),
  mac: Buffer.alloc(32, 2),
  blindIndex: Buffer.alloc(32, 3),
};

describe('SM3', () => {
  it('matches the GB/T 32905 example for "abc"', () => {
    expect(sm3Hex('abc')).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
  });
});

describe('personal-data cipher', () => {
  const cipher = createPersonalDataCipher(keys);

  it('round-trips and never stores the plain text', () => {
    const sealed = cipher.encrypt('11010519491231002X');
    expect(sealed).not.toContain('11010519491231002X');
    expect(cipher.decrypt(sealed)).toBe('11010519491231002X');
  });

  it('gives different ciphertexts for the same value (random IV) but one blind index', () => {
    expect(cipher.encrypt('13812345678')).not.toBe(cipher.encrypt('13812345678'));
    expect(cipher.blindIndex('phone', '13812345678')).toBe(cipher.blindIndex('phone', '13812345678'));
    expect(cipher.blindIndex('phone', '13812345678')).not.toBe(cipher.blindIndex('id', '13812345678'));
  });

  it('never reuses an IV, across refills of the IV pool, and every value still decrypts', () => {
    const values = Array.from({ length: 10_000 }, (_, i) => `1381234${String(i).padStart(4, '0')}`);
    const sealed = values.map((value) => cipher.encrypt(value));
    const ivs = new Set(sealed.map((text) => Buffer.from(text, 'base64').subarray(1, 17).toString('hex')));
    expect(ivs.size).toBe(values.length);
    expect(sealed.map((text) => cipher.decrypt(text))).toEqual(values);
  });

  it('digests request bodies with a key: not the plain SM3, and another key gives another digest', () => {
    const body = '{"bank_account":"6222020100001234567"}';
    expect(cipher.requestDigest(body)).toBe(cipher.requestDigest(body));
    expect(cipher.requestDigest(body)).not.toBe(sm3Hex(body));
    expect(createPersonalDataCipher({ ...keys, blindIndex: Buffer.alloc(32, 7) }).requestDigest(body)).not.toBe(
      cipher.requestDigest(body),
    );
  });

  it('refuses a tampered ciphertext', () => {
    const bytes = Buffer.from(cipher.encrypt('13812345678'), 'base64');
    bytes[20] = (bytes[20] ?? 0) ^ 1;
    expect(() => cipher.decrypt(bytes.toString('base64'))).toThrow('密文校验失败');
  });

  it('cannot decrypt with another key', () => {
    const other = createPersonalDataCipher({ ...keys, mac: Buffer.alloc(32, 9) });
    expect(() => other.decrypt(cipher.encrypt('x'))).toThrow();
  });
});

describe('masking', () => {
  it('keeps 4 + 4 of an ID number and 3 + 4 of a phone number', () => {
    expect(maskIdNumber('320102199001011234')).toBe('3201**********1234');
    expect(maskPhone('13812345678')).toBe('138****5678');
  });

  it('masks numbers inside free text', () => {
    expect(maskPersonalDataInText('身份证 32010219900101123X 电话13812345678。')).toBe(
      '身份证 3201**********123X 电话138****5678。',
    );
  });
});

describe('finding whole ID numbers', () => {
  it('finds valid numbers only, not masked ones or random digits', () => {
    expect(findWholeIdNumbers('a 11010519491231002X b 3201**********1234 c 123456789012345678')).toEqual([
      '11010519491231002X',
    ]);
  });
});
