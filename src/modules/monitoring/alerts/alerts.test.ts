import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../../../app-context.ts';
import { systemActor, type CurrentUser } from '../../../platform/auth/current-user.ts';
import type { Role } from '../../../platform/roles.ts';
import { TEST_PASSWORD } from '../../../test/app.ts';
import { testDialects } from '../../../test/dialects.ts';
import { createUser } from '../../accounts/users.service.ts';
import { changeAlert, listAlerts } from './alerts.service.ts';
import {
  addContributions,
  addEnterprise,
  addRecognition,
  addRosterMonths,
  addStaff,
  assignKeyEnterprise,
  createMonitoringTestContext,
} from '../monitoring.fixtures.ts';
import { refreshMonitoringAggregates } from '../refresh/refresh.service.ts';

/**
 * Alert detection at its edges and the alert workflow. The clock reads 2024-07-15 (Shanghai);
 * rosters run 2024-01 to 2024-06 and every spell starts in the opening stock of 2024-01.
 */
describe.each(testDialects())('monitoring alerts (%s)', (dialect) => {
  let ctx: AppContext;
  let close: () => Promise<void>;
  const e: Record<string, string> = {};

  // `stay` people insured all six months and `leave` people whose last month is February.
  async function withLeavers(
    name: string,
    stay: number,
    leave: number,
    reason: string | null,
    validUntil = '2026-12-31',
  ) {
    e[name] = await addEnterprise(ctx, { validUntil, name: `${name}有限公司` });
    await addRosterMonths(ctx, e[name]!, 202401, 202406);
    await addStaff(ctx, e[name]!, stay, 202401, 202406);
    await addStaff(ctx, e[name]!, leave, 202401, 202402, reason);
  }

  beforeAll(async () => {
    ({ ctx, close } = await createMonitoringTestContext(dialect, '2024-07-15T02:00:00.000Z'));
    await withLeavers('E10', 27, 3, 'contract_ended'); // 3 of 30 = exactly 10 %: alert
    await withLeavers('E9', 28, 3, 'contract_ended'); // 3 of 31 = 9.7 %: none
    await withLeavers('E20', 280, 20, 'economic_layoff'); // exactly 20 people (6.7 %): alert
    await withLeavers('E19', 281, 19, 'economic_layoff'); // 19 people (6.3 %): none
    await withLeavers('ENatural', 9, 1, 'retirement'); // 10 % but natural attrition: none
    await withLeavers('EUnknown', 9, 1, null); // 10 %, no reason given, March roster on file: alert
    await withLeavers('ELapsed', 27, 3, 'contract_ended', '2024-02-15'); // not monitored in March: none
    // Expiry, 90 days from 2024-07-15 is 2024-10-13.
    e.X = await addEnterprise(ctx, { validUntil: '2024-10-13' }); // day 90: alert
    e.Y = await addEnterprise(ctx, { validUntil: '2024-10-14' }); // day 91: none
    e.V = await addEnterprise(ctx, { validUntil: '2024-07-15' }); // last valid day is today: alert
    e.W = await addEnterprise(ctx, { validUntil: '2024-07-14' }); // expired yesterday: none
    e.Z = await addEnterprise(ctx, { validUntil: '2024-08-01' }); // renewed: none
    await addRecognition(ctx, e.Z, { tier: 'srdi', recognizedOn: '2024-06-01', validUntil: '2027-05-31' });
    // Contributions: the latest month on file is 2024-06.
    e.K = await addEnterprise(ctx);
    await addContributions(ctx, e.K, 202401, 202404, 10_000); // stops in May: alert 202405 only
    e.L = await addEnterprise(ctx);
    await addContributions(ctx, e.L, 202401, 202406, 10_000); // never stops
    e.M = await addEnterprise(ctx);
    await addContributions(ctx, e.M, 202401, 202403, 10_000);
    await addContributions(ctx, e.M, 202405, 202406, 10_000); // a gap in April: alert 202404
    e.N = await addEnterprise(ctx, { validUntil: '2024-04-30' });
    await addContributions(ctx, e.N, 202401, 202404, 10_000); // stops in May, but lapsed by then: none
    await refreshMonitoringAggregates(ctx);
  });
  afterAll(() => close());

  async function alertKeys(): Promise<string[]> {
    const rows = await ctx.db
      .selectFrom('monitoring_alerts')
      .select(['uscc', 'kind', 'period', 'metric', 'base', 'due_on'])
      .execute();
    const names = new Map(Object.entries(e).map(([name, uscc]) => [uscc, name]));
    return rows
      .map(
        (r) =>
          `${names.get(r.uscc)} ${r.kind} ${Number(r.period)} ${Number(r.metric)}/${r.base === null ? '-' : Number(r.base)}${r.due_on ? ` ${r.due_on}` : ''}`,
      )
      .sort();
  }

  it('raises exactly the alerts at and above the thresholds', async () => {
    expect(await alertKeys()).toEqual([
      'E10 mass_layoff 202403 3/30',
      'E20 mass_layoff 202403 20/300',
      'EUnknown mass_layoff 202403 1/10',
      'K contributions_stopped 202405 0/1',
      'M contributions_stopped 202404 0/1',
      'V recognition_expiring 202407 0/- 2024-07-15',
      'X recognition_expiring 202410 0/- 2024-10-13',
    ]);
  });

  it('never duplicates an alert nor reopens a closed one when detection runs again', async () => {
    const province = await userOf('province_hrss');
    const [first] = (await listAlerts(ctx, province, { kind: 'mass_layoff', uscc: e.E10 })).items;
    await changeAlert(ctx, { user: province, requestId: 't', ip: null }, first!.id, {
      action: 'close',
      note: '企业已说明：合同到期未续签，属正常流动',
    });
    await refreshMonitoringAggregates(ctx);
    expect(await alertKeys()).toHaveLength(7);
    const [again] = (await listAlerts(ctx, province, { kind: 'mass_layoff', uscc: e.E10 })).items;
    expect(again).toMatchObject({
      id: first!.id,
      status: 'closed',
      closeNote: '企业已说明：合同到期未续签，属正常流动',
    });
  });

  it('assigns to the enterprise commissioner, lets the commissioner close with a note, and audits each step', async () => {
    const province = await userOf('province_hrss');
    const commissioner = await userOf('commissioner', '320100');
    const alert = (await listAlerts(ctx, province, { kind: 'mass_layoff', uscc: e.E20 })).items[0]!;
    const asProvince = { user: province, requestId: 't1', ip: null };
    await expect(changeAlert(ctx, asProvince, alert.id, { action: 'assign' })).rejects.toMatchObject({
      code: 'CONFLICT',
    }); // no commissioner yet
    await assignKeyEnterprise(ctx, e.E20!, '320115', commissioner.id);
    expect(await changeAlert(ctx, asProvince, alert.id, { action: 'assign' })).toMatchObject({
      status: 'assigned',
      assignee: { id: commissioner.id },
    });
    const asCommissioner = { user: commissioner, requestId: 't2', ip: null };
    expect((await listAlerts(ctx, commissioner, {})).items.map((a) => a.uscc)).toEqual([e.E20]); // only the assigned enterprise
    await expect(changeAlert(ctx, asCommissioner, alert.id, { action: 'reopen' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(changeAlert(ctx, asCommissioner, alert.id, { action: 'close', note: '  ' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    const closed = await changeAlert(ctx, asCommissioner, alert.id, {
      action: 'close',
      note: '已上门核实，企业转产裁员，已落实稳岗政策',
    });
    expect(closed).toMatchObject({ status: 'closed', closeNote: '已上门核实，企业转产裁员，已落实稳岗政策' });
    expect(await changeAlert(ctx, asProvince, alert.id, { action: 'reopen' })).toMatchObject({
      status: 'assigned',
      closeNote: null,
    });
    const audit = await ctx.db
      .selectFrom('audit_log')
      .select(['action', 'object_id'])
      .where('action', 'like', 'monitoring.alert.%')
      .where('object_id', '=', String(alert.id))
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'monitoring.alert.assign',
      'monitoring.alert.close',
      'monitoring.alert.reopen',
    ]);
    const other = (await listAlerts(ctx, province, { kind: 'mass_layoff', uscc: e.EUnknown })).items[0]!;
    await expect(changeAlert(ctx, asCommissioner, other.id, { action: 'close', note: 'x' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  const users = new Map<string, CurrentUser>();
  async function userOf(role: Role, regionCode?: string): Promise<CurrentUser> {
    const key = `${role}:${regionCode ?? ''}`;
    if (users.has(key)) return users.get(key)!;
    const username = `${role.replace(/_/g, '')}${users.size + 1}`;
    const { user } = await createUser(ctx, systemActor('test'), {
      username,
      displayName: `测试${role}`,
      role,
      password: TEST_PASSWORD,
      ...(regionCode ? { regionCode } : {}),
    });
    const current: CurrentUser = {
      id: user.id,
      username,
      displayName: user.displayName,
      role,
      regionCode: user.regionCode,
      uscc: null,
      canViewPersonal: false,
      via: 'session',
    };
    users.set(key, current);
    return current;
  }
});
