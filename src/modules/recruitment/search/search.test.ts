import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, TEST_ENTERPRISE_USCC, type TestApp } from '../../../test/app.ts';
import { testDialects } from '../../../test/dialects.ts';
import { makeUsccForSerial } from '../../../platform/identifiers/uscc.ts';
import { insertEnterprise } from '../../workforce/test-factories.ts';
import { ENTERPRISES, POSTINGS, QUERIES } from './fixtures/relevance-set.ts';
import { rebuildSearchIndex, resetSearchDictionary } from './search-index.ts';
import { forgetSearchAnswers, searchJobs } from './search.service.ts';
import { matchTuning } from './search-match.repository.ts';

/** Each dialect's full ranking of every query, compared across databases at the end. */
const rankings = new Map<string, string[][]>();

/** Writes the fixture enterprises and postings (published) and indexes them; returns key → id. */
export async function loadRelevanceFixtures(t: TestApp): Promise<Map<string, number>> {
  const usccOf = new Map<string, string>();
  for (const [i, e] of ENTERPRISES.entries()) {
    const region = await t.ctx.db
      .selectFrom('regions')
      .select('city_code')
      .where('code', '=', e.region)
      .executeTakeFirst();
    if (!region)
      throw new Error(
        `no region ${e.region} (${JSON.stringify(
          await t.ctx.db
            .selectFrom('regions')
            .select((eb) => eb.fn.countAll().as('n'))
            .execute(),
        )})`,
      );
    const uscc = makeUsccForSerial(e.region, 70_000 + i);
    await insertEnterprise(t.ctx, {
      uscc,
      name: e.name,
      region_code: e.region,
      city_code: region.city_code!,
      tier: e.tier,
      industry_code: e.industry,
    });
    usccOf.set(e.key, uscc);
  }
  const ids = new Map<string, number>();
  for (const p of POSTINGS) {
    const region = await t.ctx.db
      .selectFrom('regions')
      .select('city_code')
      .where('code', '=', p.region)
      .executeTakeFirstOrThrow();
    const row = await t.ctx.db
      .insertInto('job_postings')
      .values({
        uscc: usccOf.get(p.enterprise)!,
        title: p.title,
        occupation_code: p.occupation,
        posts: 2,
        salary_min: p.salary[0],
        salary_max: p.salary[1],
        education: p.education,
        experience: p.experience,
        region_code: p.region,
        city_code: region.city_code!,
        address: '厂区',
        description: p.description,
        valid_until: p.validUntil ?? '2099-12-31',
        tags: JSON.stringify(p.tags),
        status: 'published',
        flag_count: 0,
        first_published_at: p.published,
        reviewed_at: p.published,
        created_at: p.published,
        updated_at: p.published,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.set(p.key, Number(row.id));
  }
  resetSearchDictionary();
  await rebuildSearchIndex(t.ctx, new Date().toISOString());
  forgetSearchAnswers(t.ctx);
  return ids;
}

describe.each(testDialects())('public job search on %s', (dialect) => {
  let t: TestApp;
  let keyOf = new Map<number, string>();
  let idOf = new Map<string, number>();

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    idOf = await loadRelevanceFixtures(t);
    keyOf = new Map([...idOf].map(([k, id]) => [id, k]));
  }, 120_000);
  afterAll(() => t.close());

  it(`finds what each of the ${QUERIES.length} relevance queries must return in its first five`, async () => {
    expect(QUERIES.length).toBeGreaterThanOrEqual(40);
    const failures: string[] = [];
    const all: string[][] = [];
    for (const query of QUERIES) {
      const page = await searchJobs(t.ctx, { q: query.q, ...query.filters, pageSize: 50 });
      const keys = page.items.map((i) => keyOf.get(i.id)!);
      all.push(page.items.map((i) => `${keyOf.get(i.id)}:${i.score}`));
      const top = keys.slice(0, 5);
      for (const k of query.top5)
        if (!top.includes(k))
          failures.push(`${query.q} ${JSON.stringify(query.filters ?? {})}: ${k} 不在前五 [${top.join(', ')}]`);
      for (const k of query.absent ?? []) if (keys.includes(k)) failures.push(`${query.q}: ${k} 不应出现`);
    }
    expect(failures).toEqual([]);
    rankings.set(dialect, all);
  });

  it('answers anyone over HTTP with filters, sort, pages and marked words; a posting with its enterprise', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/v1/public/jobs?q=${encodeURIComponent('数控 工程师 苏州')}`,
    });
    expect(res.statusCode).toBe(200);
    const page = res.json();
    expect(page.items[0].id).toBe(idOf.get('cnc-eng-sz'));
    expect(page.items[0].titlePieces).toContainEqual({ text: '数控', hit: true });
    expect(page.terms).toEqual(['数控', '工程师', '苏州']);

    const bySalary = (
      await t.app.inject({ method: 'GET', url: '/api/v1/public/jobs?sort=salary&pageSize=3&page=2' })
    ).json();
    expect(bySalary.total).toBe(POSTINGS.length - 1);
    expect(bySalary.items).toHaveLength(3);
    const salaries = bySalary.items.map((i: { salaryMax: number }) => i.salaryMax);
    expect([...salaries].sort((a, b) => b - a)).toEqual(salaries);

    const detail = await t.app.inject({ method: 'GET', url: `/api/v1/public/jobs/${idOf.get('embedded-nj')}` });
    expect(detail.statusCode).toBe(200);
    expect(detail.json().enterprise).toEqual({
      name: '南京中科微电子技术有限公司',
      tier: 'little_giant',
      tierName: '专精特新“小巨人”企业',
      cityName: '南京市',
      industryCode: '39',
      industryName: '计算机、通信和其他电子设备制造业',
    });
    expect(JSON.stringify(detail.json())).not.toMatch(/contact|phone|uscc/i);
    const expired = await t.app.inject({ method: 'GET', url: `/api/v1/public/jobs/${idOf.get('expired-sz')}` });
    expect(expired.statusCode).toBe(404);
    // A job fair's postings: those its enterprises bring.
    const fair = await t.ctx.db
      .insertInto('job_fairs')
      .values({
        source_key: null,
        name: '南京集成电路专场招聘会',
        fair_date: '2026-12-20',
        mode: 'onsite',
        place: '南京国际博览中心',
        organiser: '南京市人社局',
        region_code: '320115',
        city_code: '320100',
        registrations: 0,
        attendance: 0,
        intentions: 0,
        created_by: null,
        created_at: '2026-12-01T00:00:00Z',
        updated_at: '2026-12-01T00:00:00Z',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const brought = [idOf.get('ic-design-nj')!, idOf.get('intern-nj')!];
    const enterpriseUscc = (
      await t.ctx.db.selectFrom('job_postings').select('uscc').where('id', '=', brought[0]!).executeTakeFirstOrThrow()
    ).uscc;
    await t.ctx.db
      .insertInto('job_fair_enterprises')
      .values({
        fair_id: Number(fair.id),
        uscc: enterpriseUscc,
        posts: 3,
        posting_ids: JSON.stringify(brought),
        signed_up_by: 'official',
        created_at: '2026-12-01T00:00:00Z',
      })
      .execute();
    const atFair = (
      await t.app.inject({ method: 'GET', url: `/api/v1/public/jobs?fair=${fair.id}&q=${encodeURIComponent('芯片')}` })
    ).json();
    expect(atFair.items.map((i: { id: number }) => i.id).sort()).toEqual([...brought].sort());

    const bad = await t.app.inject({ method: 'GET', url: '/api/v1/public/jobs?salaryMin=9000&salaryMax=100' });
    expect(bad.statusCode).toBe(400);
  });
  it('counts and filters in the full-text index exactly as the columns would, and pages a word without gaps', async () => {
    const open = POSTINGS.filter((p) => !p.validUntil);
    const cases: [Parameters<typeof searchJobs>[1], (p: (typeof POSTINGS)[number]) => boolean][] = [
      [{ salaryMin: 15000 }, (p) => p.salary[1] >= 15000],
      [{ salaryMin: 14500 }, (p) => p.salary[1] >= 14500], // not a whole thousand: checked on the columns
      [{ salaryMax: 9000 }, (p) => p.salary[0] <= 9000],
      [{ salaryMin: 8000, salaryMax: 12000 }, (p) => p.salary[1] >= 8000 && p.salary[0] <= 12000],
      [{ education: '本科' }, (p) => p.education === '本科'],
      [{ occupation: '2-02' }, (p) => p.occupation.startsWith('2-02')],
      [{ region: '320500' }, (p) => p.region.startsWith('3205')],
    ];
    for (const [query, expected] of cases) {
      forgetSearchAnswers(t.ctx);
      const page = await searchJobs(t.ctx, { ...query, pageSize: 50 });
      expect(page.total, JSON.stringify(query)).toBe(open.filter(expected).length);
      expect(page.items.map((i) => keyOf.get(i.id)).sort()).toEqual(
        open
          .filter(expected)
          .map((p) => p.key)
          .sort(),
      );
    }
    // A common word (many matches: read from its term rows, pages of 4, with and without a filter)
    // gives the same order as all its matches scored (one long page), title holders before the rest.
    for (const filters of [{}, { salaryMin: 8000 }]) {
      forgetSearchAnswers(t.ctx);
      const whole = await searchJobs(t.ctx, { q: '工程师', ...filters, pageSize: 50 });
      const paged = [];
      matchTuning.fewMatches = 0;
      matchTuning.alwaysWalk = true;
      try {
        for (let page = 1; page <= Math.ceil(whole.total / 4); page += 1)
          paged.push(
            ...(await searchJobs(t.ctx, { q: '工程师', ...filters, pageSize: 4, page })).items.map((i) => [
              i.id,
              i.score,
            ]),
          );
      } finally {
        matchTuning.fewMatches = 1000;
        matchTuning.alwaysWalk = false;
      }
      expect(paged).toEqual(whole.items.map((i) => [i.id, i.score]));
      expect(whole.items.some((i) => i.score === 1)).toBe(true);
    }
    // By pay or date: a walk of the index that gives up early (its matches read and sorted instead)
    // gives the same pages as one that reads far enough.
    for (const filters of [
      {},
      { q: '工程师' },
      { q: '工程师', education: '本科' },
      { q: '工程师', sort: 'date' as const },
      { q: '工程师 苏州', sort: 'date' as const },
    ]) {
      const pages = async () => {
        const out = [];
        for (let page = 1; page <= 3; page += 1) {
          forgetSearchAnswers(t.ctx);
          out.push(
            ...(await searchJobs(t.ctx, { sort: 'salary', ...filters, pageSize: 3, page })).items.map((i) => i.id),
          );
        }
        return out;
      };
      const walked = await pages();
      matchTuning.pgWalkRows = 2;
      try {
        expect(await pages(), JSON.stringify(filters)).toEqual(walked);
      } finally {
        matchTuning.pgWalkRows = 2000;
      }
      expect(walked.length).toBeGreaterThan(3);
    }
  });
});

describe.each(testDialects())('a posting approved by its city on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    await insertEnterprise(t.ctx, { uscc: TEST_ENTERPRISE_USCC, name: '南京星驰嵌入式科技有限公司' });
  }, 90_000);
  afterAll(() => t.close());

  it('is found by the public at once, not before, and no more once withdrawn', async () => {
    const enterprise = (await t.loginAs('enterprise')).cookie;
    const city = (await t.loginAs('city_hrss')).cookie;
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/job-postings',
      headers: { cookie: enterprise },
      payload: {
        title: '车载嵌入式软件工程师',
        occupationCode: '2-02-10-06',
        posts: 2,
        salaryMin: 15000,
        salaryMax: 22000,
        education: '本科',
        experience: '1-3年',
        regionCode: '320115',
        address: '江宁区秣周东路 12 号',
        description: '负责车载控制器嵌入式软件开发与 AUTOSAR 配置。',
        validUntil: '2099-12-31',
        tags: ['应届生'],
      },
    });
    const id = created.json().id as number;
    const search = async () =>
      (await t.app.inject({ method: 'GET', url: `/api/v1/public/jobs?q=${encodeURIComponent('车载 嵌入式')}` })).json();
    expect((await search()).total).toBe(0);
    await t.app.inject({ method: 'POST', url: `/api/v1/job-postings/${id}/submit`, headers: { cookie: enterprise } });
    expect((await search()).total).toBe(0);
    const approved = await t.app.inject({
      method: 'POST',
      url: `/api/v1/job-postings/${id}/review`,
      headers: { cookie: city },
      payload: { decision: 'approve' },
    });
    expect(approved.statusCode).toBe(200);
    const found = await search();
    expect(found.items.map((i: { id: number }) => i.id)).toEqual([id]);
    expect(found.items[0].snippet).toContainEqual({ text: '车载', hit: true });

    const withdrawn = await t.app.inject({
      method: 'POST',
      url: `/api/v1/job-postings/${id}/withdraw`,
      headers: { cookie: enterprise },
    });
    expect(withdrawn.json().status).toBe('withdrawn');
    expect((await search()).total).toBe(0);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/public/jobs/${id}` })).statusCode).toBe(404);
  });
});

describe('the same ranking on both databases', () => {
  it('orders every query identically (scores and ties included)', () => {
    if (rankings.size < 2) return; // PostgreSQL not configured in this run.
    expect(rankings.get('postgres')).toEqual(rankings.get('sqlite'));
  });
});
