import type { AppContext } from '../../app-context.ts';
import {
  addContributions,
  addEnterprise,
  addPerson,
  addRosterMonths,
  addSpell,
  registries,
} from './monitoring.fixtures.ts';

/**
 * A small hand-counted world shared by the monitoring tests. Rosters cover 2023-11 (A only)
 * or 2024-01 to 2024-06; the plan window is 2024-01 to 2025-12. Expected figures are worked
 * out in the tests' comments from this table:
 *
 * enterprise  region            tier          valid           monitored months (valid on the last day)
 * A           320115 南京江宁   srdi          2023-01-01…2026-12-31  202311–202406
 * B           320583 昆山       little_giant  2022-06-01…2025-05-31  202401–202406
 * C           320505 苏州虎丘   srdi          2021-04-01…2024-03-30  202401–202402 (gone on 03-31)
 * D           320115 南京江宁   innovative    2023-04-01…2024-03-31  202401–202403 (last day counts)
 * U           320506 苏州吴中   srdi          2024-05-01…2027-04-30  202405–202406
 *
 * spells (first–last, reason): A: P4 202311–202406 (opening stock), P2 202312–, P1 202402–202403
 * contract_ended, P5 202402–, P6 202403–; B: P9 202401– (stock), P10 202401–202402 retirement
 * (stock), P1 202404–, P7 202405–; C: P11 202401– (stock), P14 202401–202403 (no reason; C's
 * 202404 roster is on file), P12 202402–, P13 202404–; D: P15 202401– (stock), P16 202403–,
 * P17 202404–; U: P18 202401– (stock), P3 202403–, P19 202405–, P8 202406. Open spells end 202406.
 *
 * registries: P1 graduated 2022-02-15 (24 months before the hire: counts); P5 graduated
 * 2021-12-20 (26 months: no), 高级工 (level 3) from 2024-05-10; P6 副高级 from 2024-01-01;
 * P7 中级 title, graduated 2024-06-30 (after the hire month: no); P19 graduated 2024-05-01
 * (hire month: counts), level 4 certificate (no); P8 level 2 from 2020-01-01, 正高级 from
 * 2024-07-01 (after the 2024-06-30 report date: no).
 *
 * contributions (fen a month): A 100,000 for 202401–202406; B 50,000 for 202401–202405
 * (stops in 202406); C 30,000 for 202401–202405.
 */
export interface MonitoringWorld {
  A: string;
  B: string;
  C: string;
  D: string;
  U: string;
  persons: Record<string, number>;
}

/** Inserts the world described above. */
export async function buildMonitoringWorld(ctx: AppContext): Promise<MonitoringWorld> {
  const A = await addEnterprise(ctx, {
    region: '320115',
    tier: 'srdi',
    recognizedOn: '2023-01-01',
    validUntil: '2026-12-31',
    industry: '34',
    name: '南京甲精密机械有限公司',
  });
  const B = await addEnterprise(ctx, {
    region: '320583',
    tier: 'little_giant',
    recognizedOn: '2022-06-01',
    validUntil: '2025-05-31',
    industry: '39',
    name: '昆山乙电子科技有限公司',
  });
  const C = await addEnterprise(ctx, {
    region: '320505',
    tier: 'srdi',
    recognizedOn: '2021-04-01',
    validUntil: '2024-03-30',
    industry: '65',
    name: '苏州丙软件有限公司',
  });
  const D = await addEnterprise(ctx, {
    region: '320115',
    tier: 'innovative',
    recognizedOn: '2023-04-01',
    validUntil: '2024-03-31',
    industry: null,
    name: '南京丁新材料有限公司',
  });
  const U = await addEnterprise(ctx, {
    region: '320506',
    tier: 'srdi',
    recognizedOn: '2024-05-01',
    validUntil: '2027-04-30',
    industry: '34',
    name: '苏州戊智能装备有限公司',
  });
  await addRosterMonths(ctx, A, 202311, 202406);
  for (const uscc of [B, C, D, U]) await addRosterMonths(ctx, uscc, 202401, 202406);

  const names = [
    'P1',
    'P2',
    'P3',
    'P4',
    'P5',
    'P6',
    'P7',
    'P8',
    'P9',
    'P10',
    'P11',
    'P12',
    'P13',
    'P14',
    'P15',
    'P16',
    'P17',
    'P18',
    'P19',
  ];
  const persons: Record<string, number> = {};
  for (const name of names) persons[name] = await addPerson(ctx);
  const p = persons as Record<(typeof names)[number], number>;

  const spells: [number, string, number, number, string | null][] = [
    [p.P4!, A, 202311, 202406, null],
    [p.P2!, A, 202312, 202406, null],
    [p.P1!, A, 202402, 202403, 'contract_ended'],
    [p.P5!, A, 202402, 202406, null],
    [p.P6!, A, 202403, 202406, null],
    [p.P9!, B, 202401, 202406, null],
    [p.P10!, B, 202401, 202402, 'retirement'],
    [p.P1!, B, 202404, 202406, null],
    [p.P7!, B, 202405, 202406, null],
    [p.P11!, C, 202401, 202406, null],
    [p.P14!, C, 202401, 202403, null],
    [p.P12!, C, 202402, 202406, null],
    [p.P13!, C, 202404, 202406, null],
    [p.P15!, D, 202401, 202406, null],
    [p.P16!, D, 202403, 202406, null],
    [p.P17!, D, 202404, 202406, null],
    [p.P18!, U, 202401, 202406, null],
    [p.P3!, U, 202403, 202406, null],
    [p.P19!, U, 202405, 202406, null],
    [p.P8!, U, 202406, 202406, null],
  ];
  for (const [person, uscc, first, last, reason] of spells) await addSpell(ctx, person, uscc, first, last, reason);

  await registries.graduate(ctx, p.P1!, '2022-02-15');
  await registries.graduate(ctx, p.P5!, '2021-12-20');
  await registries.skill(ctx, p.P5!, 3, '2024-05-10');
  await registries.title(ctx, p.P6!, 'deputy_senior', '2024-01-01');
  await registries.title(ctx, p.P7!, 'intermediate', '2023-01-01');
  await registries.graduate(ctx, p.P7!, '2024-06-30');
  await registries.graduate(ctx, p.P19!, '2024-05-01');
  await registries.skill(ctx, p.P19!, 4, '2023-01-01');
  await registries.skill(ctx, p.P8!, 2, '2020-01-01');
  await registries.title(ctx, p.P8!, 'senior', '2024-07-01');

  await addContributions(ctx, A, 202401, 202406, 100_000);
  await addContributions(ctx, B, 202401, 202405, 50_000);
  await addContributions(ctx, C, 202401, 202405, 30_000);
  return { A, B, C, D, U, persons };
}
