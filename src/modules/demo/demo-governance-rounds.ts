import type { AppContext } from '../../app-context.ts';
import { todayInShanghai } from '../../platform/iso-date.ts';
import { recordApproval } from '../governance/collections/approvals.service.ts';
import { createCollection, openCollection } from '../governance/collections/collections.service.ts';
import { openRound, submitReturn } from '../governance/dispatch/dispatch.service.ts';
import { recordMeeting } from '../governance/meetings/meetings.service.ts';
import { publishCatalogue, reportShortage } from '../governance/shortage/shortage.service.ts';
import { signedIn } from './demo-governance.ts';
import * as repo from './demo.repository.ts';

/**
 * The demo's plan governance: an approval record and the 急需紧缺职业 survey of last year under it,
 * answered by the demo enterprise, with 南京's catalogue published; a 调度 round returned by 南京;
 * a 部门会商 meeting with its action items. Through the services, audited; added once.
 */
export async function seedDemoGovernanceRounds(ctx: AppContext): Promise<void> {
  if (await repo.hasCollectionApprovals(ctx.db)) return;
  const province = await signedIn(ctx, 'province_hrss');
  const city = await signedIn(ctx, 'city_nanjing');
  const enterprise = await signedIn(ctx, 'enterprise_demo');
  if (!province || !city || !enterprise) return;
  const today = todayInShanghai(ctx.clock);
  const year = Number(today.slice(0, 4));
  const approval = await recordApproval(ctx, province, {
    title: '江苏省急需紧缺职业（工种）调查',
    office: '江苏省统计局',
    approvalNumber: `苏统制〔${year}〕12号`,
    scope: '全省专精特新中小企业及创新型中小企业',
    sample: '培育库内全部企业',
    frequency: '年报',
    validFrom: `${year}-01-01`,
    validUntil: `${year}-12-31`,
  });
  const survey = await createCollection(ctx, province, {
    kind: 'shortage_survey',
    title: `${year - 1} 年度急需紧缺职业（工种）调查`,
    description: '请按《职业分类大典》填报本企业急需紧缺的职业（工种）、人数和紧缺程度。',
    approvalId: approval.id,
    year: year - 1,
  });
  await openCollection(ctx, province, survey.id);
  await reportShortage(ctx, enterprise, survey.id, [
    { occupationCode: '6-18-01-01', headcount: 8, urgency: 'high', note: '数控车工' },
    { occupationCode: '4-04-05-01', headcount: 2, urgency: 'medium' },
  ]).catch(() => undefined);
  await publishCatalogue(ctx, province, { collectionId: survey.id, cityCode: '320100' }).catch(() => undefined);
  // A survey drafted without an approval: it stays unsent (the page shows why).
  await createCollection(ctx, city, {
    kind: 'form',
    title: '南京市重点企业季度用工需求摸底',
    year,
    fields: ['本季度计划招聘人数', '最急需的岗位'],
  });

  const round = await openRound(ctx, province, { title: `${year - 1} 年度扬帆计划进展调度`, period: String(year - 1) });
  await submitReturn(ctx, city, round.id, {
    commissioner_visits: '服务专员走访重点企业 35 家，收集诉求 12 件，均已答复。',
    progress_and_problems: '专场招聘会按月举办；部分企业高技能人才缺口较大，拟联合技工院校开设订单班。',
  }).catch(() => undefined);

  await recordMeeting(ctx, province, {
    heldOn: today,
    title: '扬帆计划部门会商（人社、工信）',
    attendees: [
      { unit: '江苏省人力资源和社会保障厅', names: '就业促进和失业保险处' },
      { unit: '江苏省工业和信息化厅', names: '中小企业处' },
    ],
    topics: ['专精特新企业用工需求与急需紧缺职业目录', '年度考核指标与权重'],
    decisions: ['联合举办“扬帆计划”专场招聘会', '培育库名单按月共享'],
    actions: [
      { task: '汇总各市重点企业用工缺口', ownerUnit: '江苏省人力资源和社会保障厅', dueOn: today },
      { task: '更新培育库名单并推送', ownerUnit: '江苏省工业和信息化厅', ownerName: '中小企业处', dueOn: today },
    ],
  });
}
