import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../../platform/auth/current-user.ts';
import { buildTestApp, TEST_ENTERPRISE_USCC, type TestApp } from '../../../test/app.ts';
import { testDialects } from '../../../test/dialects.ts';
import { runImport } from '../../imports/runner.ts';
import { insertEnterprise } from '../../workforce/test-factories.ts';
import { postingsImport } from './postings.import.ts';

const HEADER =
  '岗位编号,统一社会信用代码,岗位名称,职业编码,招聘人数,月薪下限,月薪上限,学历要求,工作经验,工作地区划代码,工作地址,岗位描述,有效期至,标签,首次发布日期';
const U = TEST_ENTERPRISE_USCC;
const clean = `SXP-001,${U},嵌入式软件工程师,2-02-07-01,3,12000,20000,本科,1-3年,320115,江宁区秣周东路 12 号,负责数控系统嵌入式软件开发，男女不限,2099-12-31,应届生、见习岗位,2025-03-01`;
const flagged = `SXP-002,${U},装配钳工,2-02-07-01,5,6000,9000,大专,不限,320115,江宁区秣周东路 12 号,限男性，35岁以下,2099-12-31,,2025-03-02`;

describe.each(testDialects())('the postings import on %s', (dialect) => {
  let t: TestApp;
  let dir = '';
  const write = (name: string, lines: string[]) => {
    const file = path.join(dir, name);
    writeFileSync(file, [HEADER, ...lines].join('\n'));
    return file;
  };
  const postings = () => t.ctx.db.selectFrom('job_postings').selectAll().orderBy('source_key').execute();
  const indexed = async () =>
    (await t.ctx.db.selectFrom('job_posting_search').select('posting_id').execute()).map((r) => Number(r.posting_id));

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    await insertEnterprise(t.ctx, { uscc: U });
    dir = mkdtempSync(path.join(tmpdir(), 'postings-'));
  }, 90_000);
  afterAll(() => t.close());

  it('publishes clean rows, holds flagged ones for city review, refuses bad rows in Chinese, and changes nothing the second time', async () => {
    const file = write('postings.csv', [
      clean,
      clean,
      flagged,
      `SXP-003,${U},薪资倒挂,2-02-07-01,1,9000,8000,本科,不限,320115,某地,描述,2099-12-31,,2025-03-01`,
      `SXP-004,${U},未知职业,9-99-99-99,1,5000,8000,本科,不限,320115,某地,描述,2099-12-31,,2025-03-01`,
      `SXP-005,91320000MA1XXXXX0X,未知企业,2-02-07-01,1,5000,8000,本科,不限,320115,某地,描述,2099-12-31,,2025-03-01`,
      `SXP-006,${U},学历不明,2-02-07-01,1,5000,8000,小学,不限,110105,某地,描述,2099-12-31,,2025-03-01`,
    ]);
    const first = await runImport(t.ctx, systemActor(), postingsImport, file);
    expect(first).toMatchObject({ rows: 7, accepted: 2, unchanged: 1, rejected: 4 });
    const rejects = await t.ctx.db.selectFrom('import_rejects').select(['code', 'message']).orderBy('line').execute();
    expect(rejects.map((r) => r.code)).toEqual(
      expect.arrayContaining(['SALARY_RANGE_INVALID', 'OCCUPATION_UNKNOWN', 'ENUM_INVALID']),
    );
    expect(rejects.every((r) => /[\u4e00-\u9fa5]/.test(r.message))).toBe(true);

    const [published, held] = await postings();
    expect(published).toMatchObject({ source_key: 'SXP-001', status: 'published', flag_count: 0, salary_max: 20000 });
    expect(published!.first_published_at).toBe('2025-02-28T16:00:00.000Z');
    expect(JSON.parse(published!.tags)).toEqual(['应届生', '见习岗位']);
    expect(held).toMatchObject({ source_key: 'SXP-002', status: 'submitted', first_published_at: null });
    expect(held!.flag_count).toBeGreaterThanOrEqual(2);
    expect(await indexed()).toEqual([Number(published!.id)]);

    // The city sees the held posting in its review queue.
    const city = (await t.loginAs('city_hrss')).cookie;
    const queue = await t.app.inject({
      method: 'GET',
      url: '/api/v1/job-postings?status=submitted',
      headers: { cookie: city },
    });
    expect(queue.json().items.map((p: { title: string }) => p.title)).toContain('装配钳工');

    const again = await runImport(t.ctx, systemActor(), postingsImport, file);
    expect(again).toMatchObject({ accepted: 0, unchanged: 3, rejected: 4 });
    expect(await postings()).toHaveLength(2);
  });

  it('checks a changed row again: a published posting that now discriminates leaves the public search', async () => {
    const changed = clean.replace('男女不限', '限男性');
    const outcome = await runImport(t.ctx, systemActor(), postingsImport, write('changed.csv', [changed]));
    expect(outcome).toMatchObject({ accepted: 1, rejected: 0 });
    const [first] = await postings();
    expect(first).toMatchObject({ status: 'submitted' });
    // Counted once, in the year first published: the date stays.
    expect(first!.first_published_at).toBe('2025-02-28T16:00:00.000Z');
    expect(await indexed()).toEqual([]);
  });
});
