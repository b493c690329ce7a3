import { describe, expect, it } from 'vitest';
import { clockFrom } from './bootstrap.ts';
import { loadConfig } from './config.ts';

describe('demo clock (YANGFAN_CLOCK_START)', () => {
  const base = { YANGFAN_DATA_DIR: '/tmp/yangfan-config-test' };

  it('is absent unless set, and the context clock is then the real one', () => {
    expect(loadConfig(base).clockStart).toBeUndefined();
    const clock = clockFrom(undefined, () => 1_000);
    expect(clock().getTime()).toBe(1_000);
  });

  it('starts at the given instant and runs on from there', () => {
    const config = loadConfig({ ...base, YANGFAN_CLOCK_START: '2026-12-14T09:00:00+08:00' });
    expect(config.clockStart?.toISOString()).toBe('2026-12-14T01:00:00.000Z');
    let now = 5_000;
    const clock = clockFrom(config.clockStart, () => now);
    expect(clock().toISOString()).toBe('2026-12-14T01:00:00.000Z');
    now += 90_000;
    expect(clock().toISOString()).toBe('2026-12-14T01:01:30.000Z');
  });

  it('refuses an instant without a time zone or a malformed one', () => {
    expect(() => loadConfig({ ...base, YANGFAN_CLOCK_START: '2026-12-14 09:00' })).toThrow(/YANGFAN_CLOCK_START.*无效/);
    expect(() => loadConfig({ ...base, YANGFAN_CLOCK_START: '2026-13-40T09:00:00Z' })).toThrow(/无效/);
  });

  it('is refused in production', () => {
    const keys = {
      YANGFAN_SM4_KEY: 'a'.repeat(32),
      YANGFAN_MAC_KEY: 'b'.repeat(64),
      YANGFAN_INDEX_KEY: 'c'.repeat(64),
    };
    expect(() =>
      loadConfig({ ...base, ...keys, NODE_ENV: 'production', YANGFAN_CLOCK_START: '2026-12-14T09:00:00+08:00' }),
    ).toThrow(/生产环境不得设置演示时钟/);
  });
});

describe('read replica (DATABASE_READ_URL)', () => {
  const base = { YANGFAN_DATA_DIR: '/tmp/yangfan-config-test' };
  const primary = 'postgres://app@db-primary:5432/yangfan';

  it('is absent unless set, and read with the default lag limit of 30 seconds', () => {
    expect(loadConfig({ ...base, DATABASE_URL: primary }).readReplica).toBeUndefined();
    expect(
      loadConfig({ ...base, DATABASE_URL: primary, DATABASE_READ_URL: 'postgres://app@db-standby:5432/yangfan' })
        .readReplica,
    ).toEqual({ url: 'postgres://app@db-standby:5432/yangfan', maxLagSeconds: 30 });
    expect(
      loadConfig({
        ...base,
        DATABASE_URL: primary,
        DATABASE_READ_URL: 'postgres://s/y',
        YANGFAN_READ_MAX_LAG_SECONDS: '5',
      }).readReplica?.maxLagSeconds,
    ).toBe(5);
  });

  it('is refused with SQLite and with a lag limit that is not a number of seconds', () => {
    expect(() => loadConfig({ ...base, DATABASE_READ_URL: 'postgres://s/y' })).toThrow(/只能与 PostgreSQL/);
    expect(() =>
      loadConfig({
        ...base,
        DATABASE_URL: primary,
        DATABASE_READ_URL: 'postgres://s/y',
        YANGFAN_READ_MAX_LAG_SECONDS: 'x',
      }),
    ).toThrow(/YANGFAN_READ_MAX_LAG_SECONDS=x 无效/);
  });
});
