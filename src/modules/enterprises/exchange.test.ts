import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/app.ts';
import { testDialects } from '../../test/dialects.ts';
import { nextUscc } from './enterprises.fixtures.ts';

const URL = '/api/v1/exchange/enterprises';

function item(overrides: Record<string, string | null> = {}) {
  return {
    uscc: nextUscc(),
    name: '工信推送测试有限公司',
    tier: '专精特新',
    recognized_on: '2024-01-15',
    valid_until: '2027-01-14',
    region_code: '320115',
    industry_code: '34',
    size: '中型',
    contact: '李强',
    phone: '13800001111',
    ...overrides,
  };
}

describe.each(testDialects())('register exchange on %s', (dialect) => {
  let t: TestApp;
  let bearer: { authorization: string };
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    const miit = (await t.loginAs('province_miit')).cookie;
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/api-tokens',
      headers: { cookie: miit },
      payload: { name: '工信培育库' },
    });
    bearer = { authorization: `Bearer ${created.json().token as string}` };
  });
  afterAll(() => t.close());

  const push = (key: string | undefined, enterprises: unknown[], headers: Record<string, string> = bearer) =>
    t.app.inject({
      method: 'POST',
      url: URL,
      headers: { ...headers, ...(key ? { 'idempotency-key': key } : {}) },
      payload: { enterprises },
    });
  const pull = (query: string, headers: Record<string, string> = bearer) =>
    t.app.inject({ method: 'GET', url: `${URL}?${query}`, headers });
  const countChanges = async () =>
    Number(
      (
        await t.ctx.db
          .selectFrom('enterprise_changes')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('accepts a push by token with per-item results from the import rules', async () => {
    const good = item();
    const zone = item({ region_code: '320576' });
    const response = await push('batch-0001', [
      good,
      zone,
      item({ uscc: '91320115MA1X00000X' }),
      item({ tier: '大巨人', size: '' }),
    ]);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ accepted: 2, unchanged: 0, rejected: 2 });
    const [first, second, third, fourth] = response.json().results;
    expect(first).toEqual({ index: 0, uscc: good.uscc, status: 'accepted', notes: [], reasons: [] });
    expect(second.notes[0]).toContain('统计用区划代码');
    expect(third).toMatchObject({
      index: 2,
      status: 'rejected',
      reasons: [{ column: '统一社会信用代码', code: expect.stringMatching(/^USCC_/) }],
    });
    expect(fourth.reasons.map((r: { code: string }) => r.code)).toEqual(['TIER_INVALID', 'REQUIRED_MISSING']);
    const stored = await t.ctx.db
      .selectFrom('enterprise_recognitions')
      .selectAll()
      .where('uscc', '=', good.uscc)
      .executeTakeFirstOrThrow();
    expect(stored.source).toBe('exchange:batch-0001');
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'enterprises.exchange.push')
      .execute();
    expect(JSON.parse(audit.at(-1)!.details!)).toMatchObject({ accepted: 2, rejected: 2, via: 'token' });
  });

  it('replays the stored answer for the same key and body, and refuses the key with another body', async () => {
    const enterprises = [item(), item()];
    const first = await push('batch-0002', enterprises);
    const changes = await countChanges();
    // Key order and spacing of the body do not matter; the content does.
    const reordered = enterprises.map((e) => Object.fromEntries(Object.entries(e).reverse()));
    const again = await push('batch-0002', reordered);
    expect(again.statusCode).toBe(200);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    expect(await countChanges()).toBe(changes);
    const reused = await push('batch-0002', [enterprises[0]]);
    expect(reused.statusCode).toBe(409);
    expect(reused.json().error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    // The same content under a new key is applied again: it changes nothing.
    expect((await push('batch-0003', enterprises)).json()).toMatchObject({ accepted: 0, unchanged: 2 });
  });

  it('applies concurrent pushes with one key once, and answers them all alike', async () => {
    const enterprises = [item(), item()];
    const changes = await countChanges();
    const answers = await Promise.all(Array.from({ length: 5 }, () => push('batch-concurrent', enterprises)));
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200, 200, 200]);
    for (const answer of answers) expect(answer.json()).toEqual(answers[0]!.json());
    expect(answers[0]!.json()).toMatchObject({ accepted: 2 });
    expect(await countChanges()).toBe(changes + 2);
    const stored = await t.ctx.db
      .selectFrom('exchange_requests')
      .select('idempotency_key')
      .where('idempotency_key', 'like', '%:batch-concurrent')
      .execute();
    expect(stored).toHaveLength(1);
  });

  it('refuses callers without credentials, other roles, a missing key and an oversized batch', async () => {
    expect((await push('k-1', [item()], {})).statusCode).toBe(401);
    const city = (await t.loginAs('city_hrss')).cookie;
    expect((await push('k-2', [item()], { cookie: city })).statusCode).toBe(403);
    const missingKey = await push(undefined, [item()]);
    expect(missingKey.statusCode).toBe(400);
    expect(missingKey.json().error.code).toBe('VALIDATION_FAILED');
    expect(
      (
        await push(
          'k-3',
          Array.from({ length: 1001 }, () => item()),
        )
      ).statusCode,
    ).toBe(400);
    expect((await pull('since=0', {})).statusCode).toBe(401);
    // The province official's own session works as well as the token.
    const hrss = (await t.loginAs('province_hrss')).cookie;
    expect((await pull('since=0&limit=1', { cookie: hrss })).statusCode).toBe(200);
  });

  it('pages through the change feed by cursor, each enterprise once per page at its latest change', async () => {
    const start = (await pull('since=0&limit=1000')).json().next_cursor as string;
    const a = item();
    const b = item();
    await push('feed-1', [a, b]);
    await push('feed-2', [{ ...a, tier: '小巨人', recognized_on: '2025-06-01', valid_until: '2028-05-31' }]);
    const page = await pull(`since=${start}&limit=10`);
    expect(page.json().items.map((i: { uscc: string }) => i.uscc)).toEqual([b.uscc, a.uscc]);
    const latestA = page.json().items[1];
    expect(latestA).toMatchObject({ tier: 'little_giant', region_code: '320115', city_code: '320100' });
    expect(latestA.recognitions).toEqual([
      { tier: 'srdi', recognized_on: '2024-01-15', valid_until: '2027-01-14' },
      { tier: 'little_giant', recognized_on: '2025-06-01', valid_until: '2028-05-31' },
    ]);
    expect(page.body).not.toContain('13800001111'); // the feed carries no contact data
    const seen: string[] = [];
    let cursor = start;
    for (let guard = 0; guard < 10; guard += 1) {
      const next = (await pull(`since=${cursor}&limit=1`)).json();
      if (next.items.length === 0) {
        expect(next.next_cursor).toBe(cursor);
        break;
      }
      seen.push(next.items[0].uscc);
      cursor = next.next_cursor;
    }
    expect(seen).toEqual([a.uscc, b.uscc, a.uscc]);
  });

  it('answers any malformed push with a reason, never a server error', async () => {
    const text = fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.constantFrom('', ' ', '2024-13-01', '320576', '110108', '小巨人', '１３８００００１１１１'),
    );
    const corrupt = fc.record({
      field: fc.constantFrom(
        'uscc',
        'name',
        'tier',
        'recognized_on',
        'valid_until',
        'region_code',
        'industry_code',
        'size',
        'phone',
      ),
      value: text,
    });
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(corrupt, { minLength: 1, maxLength: 4 }), async (corruptions) => {
        run += 1;
        const pushed = item();
        for (const { field, value } of corruptions) Object.assign(pushed, { [field]: value });
        const response = await push(`fuzz-${run}`, [pushed]);
        expect(response.statusCode).toBeLessThan(500);
        if (response.statusCode !== 200) return;
        const [result] = response.json().results;
        if (result.status === 'rejected') expect(result.reasons.length).toBeGreaterThan(0);
        for (const reason of result.reasons) expect(reason.code).toMatch(/^[A-Z_]+$/);
      }),
      { numRuns: 40 },
    );
  });

  it('records when a token was last used, at most once a minute however busy the exchange', async () => {
    const lastUsed = async () =>
      (
        await t.ctx.db
          .selectFrom('api_tokens')
          .select('last_used_at')
          .where('name', '=', '工信培育库')
          .executeTakeFirstOrThrow()
      ).last_used_at;
    expect((await pull('limit=1')).statusCode).toBe(200);
    const first = await lastUsed();
    expect(first).not.toBeNull();
    t.advance(30_000);
    expect((await pull('limit=1')).statusCode).toBe(200);
    expect(await lastUsed(), 'within a minute: not written again').toBe(first);
    t.advance(31_000);
    expect((await pull('limit=1')).statusCode).toBe(200);
    expect(new Date((await lastUsed()) ?? 0).getTime() - new Date(first ?? 0).getTime()).toBeGreaterThanOrEqual(61_000);
  });
});
