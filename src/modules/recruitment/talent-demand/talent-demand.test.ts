import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/app.ts';
import { testDialects } from '../../../test/dialects.ts';
import { nextUscc } from '../../enterprises/enterprises.fixtures.ts';
import { insertEnterprise } from '../../workforce/test-factories.ts';
import type { PostingStatus } from '../postings/postings.table.ts';

const URL = '/api/v1/exchange/talent-demand';

describe.each(testDialects())('the talent-demand exchange feed on %s', (dialect) => {
  let t: TestApp;
  let bearer: { authorization: string };
  let miitBearer: { authorization: string };
  const [a, b, c] = [nextUscc(), nextUscc(), nextUscc('320505')];

  async function posting(
    uscc: string,
    fields: { occupation: string; city: string; region: string; education: string; posts: number },
    options: { status?: PostingStatus; publishedAt?: string; validUntil?: string } = {},
  ) {
    const now = '2025-06-01T02:00:00.000Z';
    await t.ctx.db
      .insertInto('job_postings')
      .values({
        uscc,
        title: '工程师',
        occupation_code: fields.occupation,
        posts: fields.posts,
        salary_min: 8000,
        salary_max: 12000,
        education: fields.education,
        experience: '不限',
        region_code: fields.region,
        city_code: fields.city,
        address: '某路 1 号',
        description: '岗位描述',
        valid_until: options.validUntil ?? '2099-12-31',
        tags: '[]',
        status: options.status ?? 'published',
        flag_count: 0,
        first_published_at: (options.status ?? 'published') === 'published' ? (options.publishedAt ?? now) : null,
        created_at: now,
        updated_at: now,
      })
      .execute();
  }

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    for (const [uscc, region] of [
      [a, '320115'],
      [b, '320115'],
      [c, '320505'],
    ] as const)
      await insertEnterprise(t.ctx, { uscc, region_code: region, city_code: region.slice(0, 4) + '00' });
    const nanjing = { city: '320100', region: '320115' };
    const design = '2-02-07-01';
    await posting(a, { ...nanjing, occupation: design, education: '本科', posts: 3 });
    await posting(a, { ...nanjing, occupation: design, education: '本科', posts: 2 });
    await posting(b, { ...nanjing, occupation: design, education: '本科', posts: 4 });
    await posting(c, { city: '320500', region: '320505', occupation: design, education: '本科', posts: 1 });
    await posting(c, { ...nanjing, occupation: '2-02-06-01', education: '大专', posts: 5 });
    // Not demand: awaiting review, expired, or published before `since`.
    await posting(a, { ...nanjing, occupation: design, education: '硕士', posts: 9 }, { status: 'submitted' });
    await posting(a, { ...nanjing, occupation: design, education: '硕士', posts: 9 }, { validUntil: '2020-01-01' });
    await posting(
      a,
      { ...nanjing, occupation: design, education: '硕士', posts: 9 },
      { publishedAt: '2024-12-31T15:59:00.000Z' },
    );
    const token = async (role: 'province_hrss' | 'province_miit') => {
      const cookie = (await t.loginAs(role)).cookie;
      const created = await t.app.inject({
        method: 'POST',
        url: '/api/v1/api-tokens',
        headers: { cookie },
        payload: { name: '江苏省人才服务云平台' },
      });
      return { authorization: `Bearer ${created.json().token as string}` };
    };
    bearer = await token('province_hrss');
    miitBearer = await token('province_miit');
  }, 90_000);
  afterAll(() => t.close());

  const pull = (query: string, headers: Record<string, string> = bearer) =>
    t.app.inject({ method: 'GET', url: `${URL}?${query}`, headers });

  it('refuses a caller without a valid token of 省人社', async () => {
    expect((await pull('since=2025-01-01', {})).statusCode).toBe(401);
    expect((await pull('since=2025-01-01', { authorization: 'Bearer yf_not-a-token' })).statusCode).toBe(401);
    expect((await pull('since=2025-01-01', miitBearer)).statusCode).toBe(403);
    const enterprise = (await t.loginAs('enterprise')).cookie;
    expect((await pull('since=2025-01-01', { cookie: enterprise })).statusCode).toBe(403);
  });

  it('aggregates published, valid postings by occupation, city and education, page by page with a cursor', async () => {
    const first = await pull('since=2025-01-01&limit=2');
    expect(first.statusCode, first.body).toBe(200);
    const page1 = first.json();
    expect(page1.since).toBe('2025-01-01');
    expect(page1.items).toEqual([
      {
        occupation_code: '2-02-06-01',
        occupation_name: '化工实验工程技术人员',
        city_code: '320100',
        city_name: '南京市',
        education: '大专',
        posts: 5,
        postings: 1,
        enterprises: 1,
      },
      expect.objectContaining({
        occupation_code: '2-02-07-01',
        city_code: '320100',
        education: '本科',
        posts: 9,
        postings: 3,
        enterprises: 2,
      }),
    ]);
    expect(page1.next_cursor).toEqual(expect.any(String));
    const page2 = (await pull(`since=2025-01-01&limit=2&cursor=${page1.next_cursor as string}`)).json();
    expect(page2.items).toEqual([
      expect.objectContaining({ city_code: '320500', city_name: '苏州市', posts: 1, postings: 1, enterprises: 1 }),
    ]);
    expect(page2.next_cursor).toBeNull();
    // An earlier `since` takes in the posting published on 2024-12-31 (Beijing time).
    const wider = (await pull('since=2024-12-31')).json();
    expect(wider.items.find((i: { education: string }) => i.education === '硕士')).toMatchObject({ posts: 9 });
  });

  it('refuses a cursor it did not give, in Chinese', async () => {
    const answer = await pull('since=2025-01-01&cursor=bm90LWEtY3Vyc29y');
    expect(answer.statusCode).toBe(400);
    expect(answer.json().error.message).toContain('next_cursor');
  });
});
