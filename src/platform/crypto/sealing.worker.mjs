// A thread of the sealing pool (sealing-pool.ts): blind indexes and SM4 ciphertexts of the
// values it is sent, with the keys it was started with. Plain JavaScript, no TypeScript loader.
// Answers travel as transferred bytes, not arrays of strings: the asking thread makes each string
// just before it uses it, so none lives long enough to burden its old generation.
import { parentPort, workerData } from 'node:worker_threads';
import { blindIndexBytes, sm4Encrypt } from './sm-core.mjs';

const encryptionKey = Buffer.from(workerData.encryption);
const macKey = Buffer.from(workerData.mac);
const indexKey = Buffer.from(workerData.blindIndex);

parentPort.on('message', ({ id, kind, values, withCiphertext }) => {
  const indexes = new Uint8Array(values.length * 32);
  values.forEach((value, i) => indexes.set(blindIndexBytes(indexKey, kind, value), i * 32));
  if (!withCiphertext) {
    parentPort.postMessage({ id, indexes, sealed: null, ends: null }, [indexes.buffer]);
    return;
  }
  // Ciphertexts are base64 (ASCII): one byte per character, each ending where `ends` says.
  const texts = values.map((value) => sm4Encrypt(value, encryptionKey, macKey));
  const ends = new Int32Array(texts.length);
  let length = 0;
  texts.forEach((text, i) => (ends[i] = length += text.length));
  const sealed = new Uint8Array(length);
  texts.forEach((text, i) => sealed.set(Buffer.from(text, 'latin1'), i === 0 ? 0 : ends[i - 1]));
  parentPort.postMessage({ id, indexes, sealed, ends }, [indexes.buffer, sealed.buffer, ends.buffer]);
});
