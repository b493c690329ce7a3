// A thread of the sealing pool (sealing-pool.ts): blind indexes and SM4 ciphertexts of the
// values it is sent, with the keys it was started with. Plain JavaScript, no TypeScript loader.
import { parentPort, workerData } from 'node:worker_threads';
import { blindIndexOf, sm4Encrypt } from './sm-core.mjs';

const encryptionKey = Buffer.from(workerData.encryption);
const macKey = Buffer.from(workerData.mac);
const indexKey = Buffer.from(workerData.blindIndex);

parentPort.on('message', ({ id, kind, values, withCiphertext }) => {
  const indexes = values.map((value) => blindIndexOf(indexKey, kind, value));
  const sealed = withCiphertext ? values.map((value) => sm4Encrypt(value, encryptionKey, macKey)) : null;
  parentPort.postMessage({ id, indexes, sealed });
});
