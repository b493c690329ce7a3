import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../platform/auth/current-user.ts';
import { addDays, todayInShanghai } from '../../platform/iso-date.ts';
import { buildTestApp, type TestApp } from '../../test/app.ts';
import { testDialects } from '../../test/dialects.ts';
import { buildEnterpriseCells, nextUscc, seedEnterprises } from '../enterprises/enterprises.fixtures.ts';
import { runImport } from '../imports/runner.ts';
import { messagesImport } from './messages.import.ts';

const HEADER = '来源,时间,标题,内容,来电/来信人,地区';

describe.each(testDialects())('舆情 messages on %s', (dialect) => {
  let t: TestApp;
  let province: string;
  let nanjing: string;
  let wuxi: string;
  const hengli = nextUscc('320115');
  const kaishengA = nextUscc('320115');
  const kaishengB = nextUscc('320214');
  const today = todayInShanghai();
  const yesterday = addDays(today, -1);
  let file: string;

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    province = (await t.loginAs('province_hrss')).cookie;
    nanjing = (await t.loginAs('city_hrss', { canViewPersonal: true })).cookie;
    wuxi = (await t.loginAs('city_hrss', { regionCode: '320200' })).cookie;
    await seedEnterprises(t.ctx, [
      buildEnterpriseCells({ uscc: hengli, name: '江苏恒立精密机械股份有限公司' }),
      buildEnterpriseCells({ uscc: kaishengA, name: '南京凯盛液压有限公司' }),
      buildEnterpriseCells({ uscc: kaishengB, name: '无锡凯盛新材料有限公司', region_code: '320214' }),
    ]);
    file = path.join(t.ctx.config.dataDir, 'messages.csv');
    writeFileSync(
      file,
      [
        HEADER,
        `12333,${yesterday} 09:30,恒立精密机械拖欠工资,我是恒立精密机械的员工，身份证 320102199001011234，电话 13912345678，公司拖欠工资三个月。,张三丰,`,
        `局长信箱,${yesterday} 10:00,凯盛裁员,凯盛突然裁员，没有经济补偿。,,320100`,
        `新媒体,${today},招聘会,希望多办招聘会。,,`,
        `电报,${today},来源不对,内容,,`,
        `12333,2026-02-30 08:00,日期不对,内容,,`,
        `12333,${today},地区不对,内容,,999999`,
      ].join('\n'),
    );
  });
  afterAll(() => t.close());

  const get = (url: string, cookie: string) => t.app.inject({ method: 'GET', url, headers: { cookie } });
  const post = (url: string, cookie: string, payload: object) =>
    t.app.inject({ method: 'POST', url, headers: { cookie }, payload });
  const list = async (cookie: string, query = '') =>
    (await get(`/api/v1/opinion/messages${query}`, cookie)).json() as {
      items: {
        id: number;
        title: string;
        topic: string;
        tone: string;
        regionCode: string | null;
        links: { id: number; uscc: string; status: string }[];
      }[];
      total: number;
    };

  it('imports messages: linked, classified, routed, each bad row with its reason; the same file twice changes nothing', async () => {
    const first = await runImport(t.ctx, systemActor(), messagesImport, file);
    expect(first).toMatchObject({ rows: 6, accepted: 3, rejected: 3, unchanged: 0 });
    const rejects = await t.ctx.db.selectFrom('import_rejects').select(['line', 'code']).orderBy('line').execute();
    expect(rejects.map((r) => [Number(r.line), r.code])).toEqual([
      [5, 'SOURCE_UNKNOWN'],
      [6, 'TIME_INVALID'],
      [7, 'REGION_UNKNOWN'],
    ]);
    expect(await runImport(t.ctx, systemActor(), messagesImport, file)).toMatchObject({ accepted: 0, unchanged: 3 });

    const { items, total } = await list(province);
    expect(total).toBe(3);
    const wage = items.find((m) => m.topic === 'wage_arrears')!;
    expect(wage).toMatchObject({ tone: 'negative', regionCode: '320115' });
    expect(wage.links).toEqual([expect.objectContaining({ uscc: hengli, status: 'linked' })]);
    const layoff = items.find((m) => m.topic === 'layoff')!;
    expect(layoff.regionCode).toBe('320100');
    expect(layoff.links.map((l) => [l.uscc, l.status]).sort()).toEqual(
      [
        [kaishengA, 'ambiguous'],
        [kaishengB, 'ambiguous'],
      ].sort(),
    );
    expect((await list(province, '?topic=recruitment')).items.map((m) => m.regionCode)).toEqual([null]);
  });

  it('stores the text only encrypted', async () => {
    const rows = await t.ctx.db.selectFrom('opinion_messages').selectAll().execute();
    const stored = JSON.stringify(rows);
    for (const plain of ['拖欠工资三个月', '320102199001011234', '13912345678', '张三丰'])
      expect(stored).not.toContain(plain);
  });

  it('shows the whole text to the handling office (audited) and a masked one to others; other regions do not find it', async () => {
    const id = (await list(province, '?topic=wage_arrears')).items[0]!.id;
    const whole = (await get(`/api/v1/opinion/messages/${id}`, nanjing)).json();
    expect(whole).toMatchObject({ isWhole: true, sender: '张三丰' });
    expect(whole.content).toContain('320102199001011234');
    const hl = whole.highlights.find((h: { kind: string }) => h.kind === 'enterprise');
    expect(whole.content.slice(hl.start, hl.end)).toBe('恒立精密机械');
    const masked = (await get(`/api/v1/opinion/messages/${id}`, province)).json();
    expect(masked).toMatchObject({ isWhole: false, sender: '张**' });
    expect(masked.content).not.toContain('320102199001011234');
    expect(masked.content).not.toContain('13912345678');
    expect((await get(`/api/v1/opinion/messages/${id}`, wuxi)).statusCode).toBe(404);
    expect((await list(wuxi)).total).toBe(0);
    const views = await t.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'opinion.message.view')
      .execute();
    expect(views).toHaveLength(1);
    const enterprise = (await t.loginAs('enterprise')).cookie;
    expect((await get('/api/v1/opinion/messages', enterprise)).statusCode).toBe(403);
  });

  it('lets the handling office confirm an ambiguous name and follow the message to closure', async () => {
    const message = (await list(nanjing, '?topic=layoff')).items[0]!;
    const link = message.links.find((l) => l.uscc === kaishengA)!;
    const confirmed = await post(`/api/v1/opinion/messages/${message.id}/links/${link.id}`, nanjing, {
      decision: 'confirm',
    });
    expect(confirmed.json()).toEqual({ id: link.id, status: 'confirmed' });
    const after = (await get(`/api/v1/opinion/messages/${message.id}`, nanjing)).json();
    expect(after.links.map((l: { uscc: string; status: string }) => [l.uscc, l.status]).sort()).toEqual(
      [
        [kaishengA, 'confirmed'],
        [kaishengB, 'rejected'],
      ].sort(),
    );
    expect(
      (await post(`/api/v1/opinion/messages/${message.id}/links/${link.id}`, nanjing, { decision: 'reject' }))
        .statusCode,
    ).toBe(409);

    const step = (cookie: string, action: string, reply?: string) =>
      post(`/api/v1/opinion/messages/${message.id}/transition`, cookie, { action, ...(reply ? { reply } : {}) });
    expect((await step(nanjing, 'reply', '已答复')).json().error.code).toBe('OPINION_TRANSITION_INVALID');
    expect((await step(wuxi, 'start')).statusCode).toBe(404);
    expect((await step(province, 'start')).json().error.code).toBe('OPINION_NOT_HANDLING_OFFICE');
    expect((await step(nanjing, 'start')).json().state).toBe('processing');
    expect((await step(nanjing, 'reply')).json().error.code).toBe('OPINION_REPLY_REQUIRED');
    expect((await step(nanjing, 'reply', '已约谈企业，依法支付经济补偿')).json().state).toBe('replied');
    const open = (await get('/api/v1/opinion/open-items', province)).json().items;
    expect(open.find((r: { regionCode: string }) => r.regionCode === '320100')).toMatchObject({ replied: 1 });
    expect((await step(nanjing, 'close')).json().state).toBe('closed');
    const detail = (await get(`/api/v1/opinion/messages/${message.id}`, nanjing)).json();
    expect(detail).toMatchObject({ state: 'closed', reply: '已约谈企业，依法支付经济补偿' });
    const actions = await t.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('object_type', '=', 'opinion_message')
      .where('object_id', '=', String(message.id))
      .where('action', '!=', 'opinion.message.view')
      .orderBy('id')
      .execute();
    expect(actions.map((a) => a.action)).toEqual([
      'opinion.link.confirm',
      'opinion.message.start',
      'opinion.message.reply',
      'opinion.message.close',
    ]);
  });

  it('takes messages pushed with an API token, item by item, and raises a hotspot with the messages behind it', async () => {
    const created = await post('/api/v1/api-tokens', province, { name: '12333 热线系统' });
    const bearer = { authorization: `Bearer ${created.json().token as string}` };
    const items = Array.from({ length: 6 }, (_, i) => ({
      source: '12333',
      received_at: `${today} 08:0${i}`,
      title: `欠薪 ${i}`,
      content: `江苏恒立精密机械股份有限公司拖欠工资第 ${i} 起`,
    }));
    const push = (body: object) =>
      t.app.inject({ method: 'POST', url: '/api/v1/exchange/messages', headers: bearer, payload: body });
    const first = (await push({ items: [...items, { ...items[0], source: '电报' }] })).json();
    expect(first).toMatchObject({ accepted: 6, unchanged: 0, rejected: 1 });
    expect(first.results[6].reasons[0].code).toBe('SOURCE_UNKNOWN');
    expect((await push({ items })).json()).toMatchObject({ accepted: 0, unchanged: 6 });

    const hotspots = (await get('/api/v1/opinion/hotspots', province)).json().items as {
      id: number;
      kind: string;
      uscc: string | null;
      window: string;
      count: number;
    }[];
    const forHengli = hotspots.find((h) => h.kind === 'enterprise' && h.uscc === hengli && h.window === 'day')!;
    expect(forHengli.count).toBe(6);
    const behind = await list(province, `?hotspot=${forHengli.id}`);
    expect(behind.total).toBe(6);
    expect((await get('/api/v1/opinion/hotspots', wuxi)).json().items).toEqual([]);
  });
});
