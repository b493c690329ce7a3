import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/app.ts';
import { testDialects } from '../../test/dialects.ts';

describe.each(testDialects())('tools routes on %s', (dialect) => {
  let t: TestApp;
  let cookie: string;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    cookie = (await t.loginAs('enterprise')).cookie;
  });
  afterAll(() => t.close());

  const get = (url: string, headers: Record<string, string> = { cookie }) => t.app.inject({ method: 'GET', url, headers });

  it('asks for a login', async () => {
    expect((await get('/api/v1/tools/check/uscc?code=91440300708461136T', {})).statusCode).toBe(401);
  });

  it('checks a credit code and explains a failure in Chinese', async () => {
    expect((await get('/api/v1/tools/check/uscc?code=91440300708461136t')).json()).toEqual({
      valid: true, normalized: '91440300708461136T', regionCode: '440300',
    });
    expect((await get('/api/v1/tools/check/uscc?code=91440300708461136U')).json()).toMatchObject({
      valid: false, reason: 'USCC_CHECK_CHAR', message: expect.stringContaining('校验码'),
    });
  });

  it('checks an ID number but answers with the masked number only', async () => {
    const valid = await get('/api/v1/tools/check/id?number=11010519491231002x');
    expect(valid.json()).toEqual({ valid: true, normalized: '1101**********002X' });
    expect(valid.body).not.toContain('19491231');
    const wrong = await get('/api/v1/tools/check/id?number=110105194912310021');
    expect(wrong.json()).toMatchObject({ valid: false, reason: 'ID_CHECK_DIGIT', normalized: '1101**********0021' });
    expect(wrong.body).not.toContain('110105194912310021');
  });

  it('adds and counts working days on the official calendar', async () => {
    expect((await get('/api/v1/tools/workdays/add?date=2025-09-26&n=20')).json()).toEqual({ date: '2025-10-30' });
    expect((await get('/api/v1/tools/workdays/between?from=2025-10-01&to=2025-10-31')).json()).toEqual({ workdays: 18 });
  });

  it('answers 422 CALENDAR_NOT_COVERED for 2027 and 400 for malformed input', async () => {
    const uncovered = await get('/api/v1/tools/workdays/between?from=2027-01-01&to=2027-01-31');
    expect(uncovered.statusCode).toBe(422);
    expect(uncovered.json().error.code).toBe('CALENDAR_NOT_COVERED');
    const badDate = await get('/api/v1/tools/workdays/add?date=2025-9-26&n=20');
    expect([badDate.statusCode, badDate.json().error.code]).toEqual([400, 'INVALID_DATE']);
    const badCount = await get('/api/v1/tools/workdays/add?date=2025-09-26&n=abc');
    expect([badCount.statusCode, badCount.json().error.code]).toEqual([400, 'VALIDATION_FAILED']);
  });
});
