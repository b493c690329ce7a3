import { afterAll, describe, expect, it } from 'vitest';
import { createPersonalDataCipher } from './personal-data.ts';
import type { SealedValues } from './sealing-pool.ts';

const KEYS = { encryption: Buffer.alloc(16, 0x41), mac: Buffer.alloc(32, 0x42), blindIndex: Buffer.alloc(32, 0x43) };

describe('sealing pool', () => {
  const cipher = createPersonalDataCipher(KEYS);
  const pool = cipher.createSealingPool!();
  afterAll(() => pool.close());

  it('gives the blind indexes of the cipher, in order, and ciphertexts that the cipher opens', async () => {
    const values = Array.from({ length: 300 }, (_, i) => `32010219800101${String(i).padStart(4, '0')}`);
    const requests = [0, 100, 200].map((start) => pool.seal('id', values.slice(start, start + 100), true));
    const answers = await Promise.all(requests);
    const all = (read: (answer: SealedValues, i: number) => string | null) =>
      answers.flatMap((answer) => Array.from({ length: answer.size }, (_, i) => read(answer, i)!));
    const indexes = all((answer, i) => answer.indexAt(i));
    const sealed = all((answer, i) => answer.sealedAt(i));
    expect(indexes).toEqual(values.map((v) => cipher.blindIndex('id', v)));
    expect(sealed.map((s) => cipher.decrypt(s))).toEqual(values);
    // A fresh IV for every value: equal values never give equal ciphertexts.
    expect(new Set(sealed).size).toBe(values.length);
  });

  it('makes no ciphertexts when not asked, keeps kinds apart, and works again after going idle', async () => {
    const first = await pool.seal('phone', ['13800000000'], false);
    expect([first.size, first.indexAt(0), first.sealedAt(0)]).toEqual([
      1,
      cipher.blindIndex('phone', '13800000000'),
      null,
    ]);
    await pool.close();
    const again = await pool.seal('id', ['13800000000'], false);
    expect(again.indexAt(0)).toBe(cipher.blindIndex('id', '13800000000'));
  });
});
