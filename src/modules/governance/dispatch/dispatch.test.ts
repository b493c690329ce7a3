import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addWorkdays } from '../../../platform/calendar.ts';
import { todayInShanghai } from '../../../platform/iso-date.ts';
import { buildTestApp, type TestApp } from '../../../test/app.ts';
import { testDialects } from '../../../test/dialects.ts';

describe.each(testDialects())('调度 rounds on %s', (dialect) => {
  let t: TestApp;
  const cookies: Record<string, string> = {};
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    cookies.province = (await t.loginAs('province_hrss')).cookie;
    cookies.nanjing = (await t.loginAs('city_hrss')).cookie;
    cookies.wuxi = (await t.loginAs('city_hrss', { regionCode: '320200' })).cookie;
  });
  afterAll(() => t.close());

  const call = (method: 'GET' | 'POST' | 'PUT', url: string, cookie: string, payload?: object) =>
    t.app.inject({ method, url: `/api/v1/governance${url}`, headers: { cookie }, payload });
  const answers = (absorbed: number | null) => ({
    absorbed_insured: absorbed,
    commissioner_visits: '走访重点企业 35 家',
    progress_and_problems: '按计划推进',
  });

  it('opens a round for the sixteen units with a working-day deadline, marks a late return and exports the summary', async () => {
    const opened = await call('POST', '/dispatch-rounds', cookies.province!, {
      title: '2025 年 11 月调度',
      period: '2025',
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const round = opened.json();
    expect(round.units).toHaveLength(16);
    expect(round.units.map((u: { code: string }) => u.code)).toContain('320583');
    expect(round.deadline).toBe(addWorkdays(todayInShanghai(t.ctx.clock), 5));
    expect(round.items.find((i: { key: string }) => i.key === 'absorbed_insured')).toMatchObject({
      indicator: 'absorbed_insured',
    });

    const missingText = await call('PUT', `/dispatch-rounds/${round.id}/return`, cookies.nanjing!, {
      answers: { absorbed_insured: 1200 },
    });
    expect(missingText.statusCode).toBe(400);
    const nanjing = await call('PUT', `/dispatch-rounds/${round.id}/return`, cookies.nanjing!, {
      answers: answers(1200),
    });
    expect(nanjing.statusCode, nanjing.body).toBe(200);
    expect(nanjing.json().units).toHaveLength(1);
    expect(nanjing.json().units[0]).toMatchObject({ code: '320100', status: 'on_time' });

    t.advance(12 * 24 * 3600 * 1000);
    // Sessions end after 12 hours: sign in again on the later day.
    cookies.province = (await t.loginAs('province_hrss')).cookie;
    cookies.nanjing = (await t.loginAs('city_hrss')).cookie;
    cookies.wuxi = (await t.loginAs('city_hrss', { regionCode: '320200' })).cookie;
    const wuxi = await call('PUT', `/dispatch-rounds/${round.id}/return`, cookies.wuxi!, { answers: answers(null) });
    expect(wuxi.json().units[0]).toMatchObject({ status: 'late', statusLabel: '逾期报送' });

    const summary = (await call('GET', `/dispatch-rounds/${round.id}`, cookies.province!)).json();
    expect(summary.submitted).toBe(2);
    expect(summary.late).toContain('无锡市');
    expect(summary.late).toContain('徐州市');
    expect(summary.late).not.toContain('南京市');

    const file = await call('GET', `/dispatch-rounds/${round.id}/export`, cookies.province!);
    expect(file.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('调度汇总')!;
    expect(sheet.rowCount).toBe(17);
    const values = sheet.getSheetValues().map((row) => (Array.isArray(row) ? row.slice(1, 4) : []));
    expect(values).toContainEqual(['南京市', '按时报送', expect.any(String)]);
    expect(sheet.getRow(1).getCell(4).value).toBe('吸纳就业参保人数（累计）（人）');
    expect((await call('GET', `/dispatch-rounds/${round.id}/export`, cookies.nanjing!)).statusCode).toBe(403);
    expect((await call('POST', `/dispatch-rounds/${round.id}/close`, cookies.province!)).json().state).toBe('closed');
    expect(
      (await call('PUT', `/dispatch-rounds/${round.id}/return`, cookies.nanjing!, { answers: answers(1) })).statusCode,
    ).toBe(409);
  });
});
