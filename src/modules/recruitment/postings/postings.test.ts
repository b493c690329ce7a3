import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, TEST_ENTERPRISE_USCC, type TestApp } from '../../../test/app.ts';
import { testDialects } from '../../../test/dialects.ts';
import { insertEnterprise } from '../../workforce/test-factories.ts';
import { computeIndicators } from '../../monitoring/indicators/indicators.service.ts';
import { countPublishedInYear } from './postings.service.ts';

const posting = {
  title: '嵌入式软件工程师',
  occupationCode: '2-02-07-01',
  posts: 3,
  salaryMin: 12000,
  salaryMax: 20000,
  education: '本科',
  experience: '1-3年',
  regionCode: '320115',
  address: '江宁区秣周东路 12 号',
  description: '负责数控系统嵌入式软件开发，限男性，35岁以下。男女不限的实习岗另见。',
  validUntil: '2099-12-31',
  tags: ['应届生'],
};

describe.each(testDialects())('job postings and their review on %s', (dialect) => {
  let t: TestApp;
  let enterprise = '';
  let city = '';
  let otherCity = '';

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    await insertEnterprise(t.ctx, { uscc: TEST_ENTERPRISE_USCC });
    enterprise = (await t.loginAs('enterprise')).cookie;
    city = (await t.loginAs('city_hrss')).cookie;
    otherCity = (await t.loginAs('city_hrss', { username: 'suzhou', regionCode: '320500' })).cookie;
  }, 90_000);
  afterAll(() => t.close());

  const call = (cookie: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });

  it('refuses a salary range with min above max and an unknown occupation, in Chinese', async () => {
    const answer = await call(enterprise, 'POST', '/api/v1/job-postings', {
      ...posting,
      salaryMin: 30000,
      occupationCode: '9-99-99-99',
    });
    expect(answer.statusCode).toBe(400);
    expect(answer.json().error.message).toContain('月薪下限不能高于上限');
    expect(answer.json().error.message).toContain('职业代码 9-99-99-99');
  });

  it('goes draft → submitted → returned → submitted → published, flagged phrases shown to the city reviewer', async () => {
    const created = await call(enterprise, 'POST', '/api/v1/job-postings', posting);
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as number;
    expect(created.json()).toMatchObject({ status: 'draft', statusName: '草稿', flagCount: 2 });

    // Not submitted yet: the city sees nothing to review; another city never sees it.
    expect((await call(city, 'POST', `/api/v1/job-postings/${id}/review`, { decision: 'approve' })).statusCode).toBe(
      409,
    );
    expect((await call(enterprise, 'POST', `/api/v1/job-postings/${id}/submit`)).json().status).toBe('submitted');
    expect((await call(otherCity, 'GET', `/api/v1/job-postings/${id}`)).statusCode).toBe(404);

    const seen = (await call(city, 'GET', `/api/v1/job-postings/${id}`)).json();
    expect(seen.flags.map((f: { match: string; categoryName: string }) => [f.categoryName, f.match])).toEqual([
      ['性别', '限男性'],
      ['年龄', '35岁以下'],
    ]);
    expect(posting.description.slice(seen.flags[0].start, seen.flags[0].end)).toBe('限男性');
    expect(seen.flags[0].basis).toContain('就业促进法');

    expect((await call(city, 'POST', `/api/v1/job-postings/${id}/review`, { decision: 'return' })).statusCode).toBe(
      400,
    );
    const returned = await call(city, 'POST', `/api/v1/job-postings/${id}/review`, {
      decision: 'return',
      comment: '请删除性别和年龄限制',
    });
    expect(returned.json()).toMatchObject({ status: 'returned', reviewComment: '请删除性别和年龄限制' });

    const edited = await call(enterprise, 'PUT', `/api/v1/job-postings/${id}`, {
      ...posting,
      description: '负责数控系统嵌入式软件开发，男女不限，年满18周岁。',
    });
    expect(edited.json()).toMatchObject({ status: 'returned', flagCount: 0, flags: [] });
    await call(enterprise, 'POST', `/api/v1/job-postings/${id}/submit`);
    const published = await call(city, 'POST', `/api/v1/job-postings/${id}/review`, { decision: 'approve' });
    expect(published.json()).toMatchObject({ status: 'published', statusName: '已发布' });
    // Published: no more edits.
    expect((await call(enterprise, 'PUT', `/api/v1/job-postings/${id}`, posting)).statusCode).toBe(409);

    const year = Number(published.json().firstPublishedAt.slice(0, 4));
    expect(await countPublishedInYear(t.ctx, year)).toBe(1);
    expect(await countPublishedInYear(t.ctx, year, '320100')).toBe(1);
    expect(await countPublishedInYear(t.ctx, year, '320500')).toBe(0);
    // The dashboard's 发布岗位信息 shows the count, against the province's yearly target.
    const report = await computeIndicators(t.ctx, { period: String(year) }, null);
    expect(report.indicators.job_postings).toMatchObject({ available: true, actual: 1 });
  });

  it('keeps each enterprise to its own postings and only the city reviews', async () => {
    const list = (await call(enterprise, 'GET', '/api/v1/job-postings')).json();
    expect(list.total).toBeGreaterThan(0);
    expect((await call(otherCity, 'GET', '/api/v1/job-postings')).json().total).toBe(0);
    const id = list.items[0].id;
    expect(
      (await call(enterprise, 'POST', `/api/v1/job-postings/${id}/review`, { decision: 'approve' })).statusCode,
    ).toBe(403);
  });
});
