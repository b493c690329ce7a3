import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../../bin/yangfan.mjs', import.meta.url));
const dir = mkdtempSync(path.join(tmpdir(), 'yangfan-jobs-'));
const env = { ...process.env, DATABASE_URL: '', YANGFAN_DB: path.join(dir, 'jobs.db'), NODE_ENV: 'development' };

function yangfan(...args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args, '--json'], { encoding: 'utf8', timeout: 90_000, env });
  return { status: result.status, json: JSON.parse(result.stdout) as unknown };
}

describe('yangfan jobs check', { timeout: 200_000 }, () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reports each phrase with category, rule and words (exit 1); a clean text exits 0', () => {
    const file = path.join(dir, 'posting.txt');
    writeFileSync(file, '招聘嵌入式软件工程师，限男性，35岁以下。');
    const flagged = yangfan('jobs', 'check', '--file', file);
    expect(flagged.status).toBe(1);
    expect(flagged.json).toMatchObject({
      flags: [
        { category: 'gender', rule: 'gender_limit', match: '限男性' },
        { category: 'age', rule: 'age_limit', match: '35岁以下' },
      ],
    });
    expect(yangfan('jobs', 'check', '--text', '男女不限，年满18周岁')).toEqual({ status: 0, json: { flags: [] } });
    expect(yangfan('jobs', 'check').status).toBe(2);
  });

  it('searches published postings: an empty register answers no items (exit 0); a bad region is bad usage (exit 2)', () => {
    expect(yangfan('jobs', 'search', '数控 工程师', '--region', '320500')).toEqual({
      status: 0,
      json: { items: [], total: 0, page: 1 },
    });
    expect(yangfan('jobs', 'search', '数控', '--region', '苏州').status).toBe(2);
  });
});
