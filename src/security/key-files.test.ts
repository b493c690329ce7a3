import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createAppContext, prepareDatabase } from '../bootstrap.ts';
import { loadConfig, type Config } from '../config.ts';
import { verifyDatabaseKeys } from '../platform/crypto/key-check.ts';
import { TEST_KEYS } from '../test/app.ts';
import { createTestDatabase, testDialects } from '../test/dialects.ts';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'yangfan-keys-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const GOOD = { encryption: '07'.repeat(16), mac: '08'.repeat(32), blindIndex: '09'.repeat(32) };
const withKeyFile = (content: string) => {
  const dir = tempDir();
  writeFileSync(path.join(dir, 'dev-keys.json'), content);
  return { dir, file: path.join(dir, 'dev-keys.json') };
};
const load = (dir: string, env: Record<string, string> = {}) =>
  loadConfig({ YANGFAN_DATA_DIR: dir, ...env } as NodeJS.ProcessEnv);

describe('key files stop a broken start, naming the file and the field', () => {
  it('reads a well-formed file', () => {
    const { dir } = withKeyFile(JSON.stringify(GOOD));
    expect(load(dir).keys.mac).toEqual(Buffer.alloc(32, 8));
  });

  it('refuses a file that is not JSON', () => {
    const { dir, file } = withKeyFile('{"encryption": "0707');
    expect(() => load(dir)).toThrow(`密钥文件 ${file} 不是有效的 JSON`);
  });

  it('refuses a short, non-hex or missing field, naming it', () => {
    const short = withKeyFile(JSON.stringify({ ...GOOD, mac: '08'.repeat(16) }));
    expect(() => load(short.dir)).toThrow(
      `密钥文件 ${short.file} 的字段 mac 应为 64 位十六进制字符（32 字节），现为 32 个字符`,
    );
    const notHex = withKeyFile(JSON.stringify({ ...GOOD, encryption: 'zz'.repeat(16) }));
    expect(() => load(notHex.dir)).toThrow(/字段 encryption 应为 32 位十六进制字符/);
    const { blindIndex: _omitted, ...missing } = GOOD;
    const absent = withKeyFile(JSON.stringify(missing));
    expect(() => load(absent.dir)).toThrow(/字段 blindIndex .*缺少该字段/);
  });

  it('refuses a file that cannot be read', () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'dev-keys.json'));
    expect(() => load(dir)).toThrow(`无法读取密钥文件 ${path.join(dir, 'dev-keys.json')}：EISDIR`);
  });

  it('never generates keys in production, and names a short environment key', () => {
    const dir = tempDir();
    expect(() => load(dir, { NODE_ENV: 'production' })).toThrow(/生产环境必须通过环境变量提供密钥/);
    expect(existsSync(path.join(dir, 'dev-keys.json'))).toBe(false);
    const env = {
      NODE_ENV: 'production',
      YANGFAN_SM4_KEY: 'a'.repeat(32),
      YANGFAN_MAC_KEY: 'b'.repeat(62),
      YANGFAN_INDEX_KEY: 'c'.repeat(64),
    };
    expect(() => load(dir, env)).toThrow('YANGFAN_MAC_KEY 应为 64 位十六进制字符');
  });
});

describe('a lost development key file is not silently replaced', () => {
  it('refuses to start a keyed database with a regenerated file, removes it, and starts again with the original', async () => {
    const dir = tempDir();
    const start = async () => {
      const ctx = createAppContext({ ...load(dir, { NODE_ENV: 'development' }), logLevel: 'silent' });
      try {
        await prepareDatabase(ctx);
      } finally {
        await ctx.close();
      }
    };
    await start();
    const file = path.join(dir, 'dev-keys.json');
    const original = readFileSync(file, 'utf8');
    rmSync(file);
    await expect(start()).rejects.toThrow(`密钥文件 ${file} 不存在，而数据库中已有用原密钥加密的数据`);
    expect(existsSync(file)).toBe(false);
    writeFileSync(file, original);
    await start();
  }, 60_000);
});

describe.each(testDialects())('the database remembers its keys (%s)', (dialect) => {
  it('records the keys of the first start and refuses others', async () => {
    const database = await createTestDatabase(dialect);
    const config = (keys: Config['keys'], keySource: Config['keySource']): Config => ({
      ...load(tempDir()),
      keys,
      keySource,
    });
    const contextWith = (c: Config) => ({ ...createAppContext(c, database), close: async () => {} });
    try {
      await verifyDatabaseKeys(contextWith(config(TEST_KEYS, { kind: 'environment' })));
      await verifyDatabaseKeys(contextWith(config(TEST_KEYS, { kind: 'environment' })));
      const other = { ...TEST_KEYS, mac: Buffer.alloc(32, 1) };
      await expect(verifyDatabaseKeys(contextWith(config(other, { kind: 'environment' })))).rejects.toThrow(
        /环境变量 YANGFAN_SM4_KEY.*与数据库中数据所用的密钥不符/,
      );
      await expect(
        verifyDatabaseKeys(contextWith(config(other, { kind: 'file', path: '/srv/keys.json', isNew: false }))),
      ).rejects.toThrow('密钥文件 /srv/keys.json 中的密钥与数据库中数据所用的密钥不符');
    } finally {
      await database.destroy();
    }
  });
});
