import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';

const READ_BYTES = 256 * 1024;

/**
 * SHA-256 of a file (the import run's identity for "the same file again"), read through one
 * reused buffer: a stream would leave a buffer per chunk to the garbage collector, tens of
 * MB of a large file held in memory before the import has read a row.
 */
export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(READ_BYTES);
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, READ_BYTES, null);
      if (bytesRead === 0) break;
      hash.update(buffer.subarray(0, bytesRead));
    }
  } finally {
    await handle.close();
  }
  return hash.digest('hex');
}
