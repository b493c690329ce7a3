import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../../platform/auth/current-user.ts';
import { buildTestApp, TEST_ENTERPRISE_USCC, type TestApp } from '../../../test/app.ts';
import { testDialects } from '../../../test/dialects.ts';
import { runImport } from '../../imports/runner.ts';
import { insertEnterprise } from '../../workforce/test-factories.ts';
import { fairsImport } from './fairs.import.ts';

const HEADER =
  '招聘会编号,招聘会名称,举办日期,形式,地点或平台,主办单位,举办地区划代码,报名人数,参会人数,达成意向人数,参会企业统一社会信用代码,提供岗位数';

describe.each(testDialects())('the fairs import on %s', (dialect) => {
  let t: TestApp;
  let file = '';
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    await insertEnterprise(t.ctx, { uscc: TEST_ENTERPRISE_USCC });
    file = path.join(mkdtempSync(path.join(tmpdir(), 'fairs-')), 'fairs.csv');
    writeFileSync(
      file,
      [
        HEADER,
        `JZ2025-001,南京市专精特新专场招聘会,2025-04-12,线下,南京人才市场,南京市人社局,320100,800,600,90,${TEST_ENTERPRISE_USCC},12`,
        'JZ2025-001,南京市专精特新专场招聘会,2025-04-12,线下,南京人才市场,南京市人社局,320100,800,600,90,,',
        'JZ2025-002,苏州线上招聘会,2025-05-20,线上,就在江苏,苏州市人社局,320500,1200,900,100,,',
        'JZ2025-003,无效形式,2025-05-20,现场,某地,某局,320500,10,5,1,,',
        'JZ2025-004,意向过多,2025-05-20,线下,某地,某局,320500,10,5,9,,',
        'JZ2025-005,外省,2025-05-20,线下,某地,某局,110100,10,5,1,,',
        'JZ2025-006,未知企业,2025-05-20,线下,某地,某局,320500,10,5,1,91320000MA1XXXXX0X,3',
      ].join('\n'),
    );
  }, 90_000);
  afterAll(() => t.close());

  it('loads fairs with their enterprises, refuses bad rows with a reason, and changes nothing the second time', async () => {
    const first = await runImport(t.ctx, systemActor(), fairsImport, file);
    expect(first).toMatchObject({ rows: 7, accepted: 2, rejected: 4 });
    const codes = (await t.ctx.db.selectFrom('import_rejects').select('code').orderBy('line').execute()).map(
      (r) => r.code,
    );
    expect(codes).toEqual(expect.arrayContaining(['INTENTIONS_ABOVE_ATTENDANCE', 'REGION_UNKNOWN']));
    expect(codes).toHaveLength(4);
    const fairs = await t.ctx.db.selectFrom('job_fairs').selectAll().orderBy('source_key').execute();
    expect(fairs.map((f) => [f.source_key, f.mode, f.city_code])).toEqual([
      ['JZ2025-001', 'onsite', '320100'],
      ['JZ2025-002', 'online', '320500'],
    ]);
    const enterprises = await t.ctx.db.selectFrom('job_fair_enterprises').selectAll().execute();
    expect(enterprises).toHaveLength(1);
    expect(Number(enterprises[0]!.posts)).toBe(12);
    const again = await runImport(t.ctx, systemActor(), fairsImport, file);
    expect(again).toMatchObject({ accepted: 0, unchanged: 3, rejected: 4 });
  });
});
