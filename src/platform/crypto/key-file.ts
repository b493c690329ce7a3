import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { KeyConfig } from '../../config.ts';
import { AppError } from '../errors.ts';

/** Each key: its field in the key file, its environment variable, and its length. */
export const KEY_SPECS = {
  encryption: { variable: 'YANGFAN_SM4_KEY', bytes: 16 },
  mac: { variable: 'YANGFAN_MAC_KEY', bytes: 32 },
  blindIndex: { variable: 'YANGFAN_INDEX_KEY', bytes: 32 },
} as const satisfies Record<keyof KeyConfig, { variable: string; bytes: number }>;

const FIELDS = Object.keys(KEY_SPECS) as (keyof KeyConfig)[];

/** The development key file of a data directory. */
export function developmentKeyFile(dataDir: string): string {
  return path.join(dataDir, 'dev-keys.json');
}

/**
 * The keys of a key file; a file that cannot be read, is not JSON, or has a field missing, not
 * hexadecimal or of the wrong length stops the start with a message naming the file and the field.
 */
export function readKeyFile(file: string): KeyConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new AppError(
      'CONFIG_INVALID',
      `无法读取密钥文件 ${file}：${(error as NodeJS.ErrnoException).code ?? String(error)}`,
    );
  }
  let stored: unknown;
  try {
    stored = JSON.parse(text);
  } catch {
    throw new AppError('CONFIG_INVALID', `密钥文件 ${file} 不是有效的 JSON，应含字段 ${FIELDS.join('、')}`);
  }
  if (stored === null || typeof stored !== 'object' || Array.isArray(stored)) {
    throw new AppError('CONFIG_INVALID', `密钥文件 ${file} 应为一个 JSON 对象，含字段 ${FIELDS.join('、')}`);
  }
  const fields = stored as Record<string, unknown>;
  const key = (field: keyof KeyConfig): Buffer => {
    const { bytes } = KEY_SPECS[field];
    const value = fields[field];
    if (typeof value !== 'string' || !new RegExp(`^[0-9a-fA-F]{${bytes * 2}}$`).test(value)) {
      const found =
        value === undefined
          ? '缺少该字段'
          : typeof value === 'string'
            ? `现为 ${value.length} 个字符`
            : `现为 ${typeof value}`;
      throw new AppError(
        'CONFIG_INVALID',
        `密钥文件 ${file} 的字段 ${field} 应为 ${bytes * 2} 位十六进制字符（${bytes} 字节），${found}`,
      );
    }
    return Buffer.from(value, 'hex');
  };
  return { encryption: key('encryption'), mac: key('mac'), blindIndex: key('blindIndex') };
}

/** Keys of an environment's variables, each checked for its length (the message names the variable). */
export function readKeyVariables(env: NodeJS.ProcessEnv): KeyConfig {
  const key = (field: keyof KeyConfig): Buffer => {
    const { variable, bytes } = KEY_SPECS[field];
    const hex = env[variable] ?? '';
    if (!new RegExp(`^[0-9a-fA-F]{${bytes * 2}}$`).test(hex))
      throw new AppError('CONFIG_INVALID', `${variable} 应为 ${bytes * 2} 位十六进制字符`);
    return Buffer.from(hex, 'hex');
  };
  return { encryption: key('encryption'), mac: key('mac'), blindIndex: key('blindIndex') };
}

/** Writes a key file of fresh random keys (owner-only) unless one exists; answers whether it wrote. */
export function createKeyFileIfMissing(file: string): boolean {
  if (existsSync(file)) return false;
  mkdirSync(path.dirname(file), { recursive: true });
  const generated = Object.fromEntries(
    FIELDS.map((field) => [field, randomBytes(KEY_SPECS[field].bytes).toString('hex')]),
  );
  try {
    writeFileSync(file, JSON.stringify(generated, null, 2), { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false; // another process was first
    throw new AppError(
      'CONFIG_INVALID',
      `无法写入密钥文件 ${file}：${(error as NodeJS.ErrnoException).code ?? String(error)}`,
    );
  }
  return true;
}
