import { rmSync } from 'node:fs';
import type { AppContext } from '../../app-context.ts';
import type { KeyConfig } from '../../config.ts';
import { AppError } from '../errors.ts';
import { findKeyFingerprint, recordKeyFingerprint } from './key-check.repository.ts';
import { KEY_SPECS } from './key-file.ts';
import { hmacSm3Hex, sm3Hex } from './sm.ts';

/** A fingerprint of the three keys from which none can be recovered. */
export function keyFingerprint(keys: KeyConfig): string {
  return sm3Hex(
    [keys.encryption, keys.mac, keys.blindIndex].map((key) => hmacSm3Hex(key, 'yangfan key check')).join(''),
  );
}

/**
 * Binds a database to its keys: the first start records the fingerprint; a later start with other
 * keys is refused. A development key file created just now for a database keyed before (the file
 * was lost or the data directory moved) is removed again and named in the message, so nothing is
 * written under keys that cannot read the data. Databases written before the fingerprint existed
 * (and test databases) take the keys of their first start.
 */
export async function verifyDatabaseKeys(ctx: AppContext): Promise<void> {
  const fingerprint = keyFingerprint(ctx.config.keys);
  const recorded = await findKeyFingerprint(ctx.db);
  if (recorded === undefined) {
    await recordKeyFingerprint(ctx.db, fingerprint, ctx.clock().toISOString());
    const now = await findKeyFingerprint(ctx.db);
    if (now !== fingerprint) refuse(ctx);
    return;
  }
  if (recorded !== fingerprint) refuse(ctx);
}

function refuse(ctx: AppContext): never {
  const source = ctx.config.keySource;
  if (source?.kind === 'file' && source.isNew) {
    rmSync(source.path, { force: true });
    throw new AppError(
      'CONFIG_INVALID',
      `密钥文件 ${source.path} 不存在，而数据库中已有用原密钥加密的数据：请把原来的 dev-keys.json 放回该位置（或以环境变量提供原密钥），系统不会为已有数据生成新密钥`,
    );
  }
  const where =
    source?.kind === 'file'
      ? `密钥文件 ${source.path}`
      : `环境变量 ${Object.values(KEY_SPECS)
          .map((spec) => spec.variable)
          .join('、')}`;
  throw new AppError('CONFIG_INVALID', `${where} 中的密钥与数据库中数据所用的密钥不符：请提供原来的密钥`);
}
