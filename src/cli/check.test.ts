import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../../bin/yangfan.mjs', import.meta.url));

/** Runs the real command line, as a user would. */
function yangfan(...args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 20_000 });
  return { status: result.status, stdout: result.stdout.trim(), stderr: result.stderr.trim() };
}

describe('yangfan check', () => {
  it('answers {"valid":true} and exits 0 for a valid credit code', () => {
    expect(yangfan('check', 'uscc', '91440300708461136T', '--json')).toMatchObject({
      status: 0,
      stdout: '{"valid":true}',
    });
  });

  it('names the reason and exits 1 for a wrong check character', () => {
    expect(yangfan('check', 'uscc', '91440300708461136U', '--json')).toMatchObject({
      status: 1,
      stdout: '{"valid":false,"reason":"USCC_CHECK_CHAR"}',
    });
  });

  it('prints a Chinese line in text mode', () => {
    const result = yangfan('check', 'uscc', '9144030070846113');
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('统一社会信用代码应为 18 位');
  });

  it('accepts a lower-case x in an ID number and never echoes the number', () => {
    const result = yangfan('check', 'id', '11010519491231002x');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('1949-12-31');
    expect(result.stdout).not.toContain('11010519491231002');
  });

  it('refuses a 15-digit legacy number with its own reason', () => {
    expect(yangfan('check', 'id', '110105491231002', '--json')).toMatchObject({
      status: 1,
      stdout: '{"valid":false,"reason":"ID_LEGACY_15"}',
    });
  });
});
