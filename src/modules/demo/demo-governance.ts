import type { AppContext } from '../../app-context.ts';
import type { Actor, CurrentUser } from '../../platform/auth/current-user.ts';
import { addDays, todayInShanghai } from '../../platform/iso-date.ts';
import { isRole } from '../../platform/roles.ts';
import { addKeyEnterprise } from '../enterprises/key-enterprises.service.ts';
import { logContact } from '../governance/contacts.service.ts';
import { escalateOverdueRequests } from '../governance/escalation.ts';
import { answerRequest, rateRequest, submitRequest } from '../governance/requests.service.ts';
import { updateCommissionerProfile } from '../governance/roster.service.ts';
import * as repo from './demo.repository.ts';

/**
 * The demo's 服务专员 pages: Nanjing's key-enterprise list (the demo enterprise and a few more,
 * one deliberately without a commissioner), the commissioner's unit and phone, the demo
 * enterprise's requests in each state (one rated, one answered, one open, one escalated) and a
 * contact. Runs through the services, so every row is audited as a real one; added once.
 */
export async function seedDemoGovernance(ctx: AppContext): Promise<void> {
  if (await repo.hasGovernanceData(ctx.db)) return;
  const city = await signedIn(ctx, 'city_nanjing');
  const commissioner = await signedIn(ctx, 'commissioner_nanjing');
  const enterprise = await signedIn(ctx, 'enterprise_demo');
  if (!city || !commissioner || !enterprise || !enterprise.user.uscc) return;
  const others = (await repo.findEnterprisesOfCity(ctx.db, '3201', 6)).filter((u) => u !== enterprise.user.uscc);
  const listed = [enterprise.user.uscc, ...others];
  for (const [index, uscc] of listed.entries()) {
    const isLast = index === listed.length - 1 && index > 0;
    await addKeyEnterprise(ctx, city, {
      uscc,
      ...(isLast ? {} : { commissionerId: commissioner.user.id }),
      note: index === 0 ? '智能制造，重点支持' : undefined,
    }).catch(() => undefined);
  }
  await updateCommissionerProfile(ctx, city, commissioner.user.id, {
    unit: '南京市江宁区人社局',
    phone: '13800000005',
  });

  const rated = await submitRequest(ctx, enterprise, {
    category: 'recruitment',
    text: '新建产线急需数控技师 8 名、电气工程师 2 名，请协助对接招聘渠道。',
  });
  await answerRequest(ctx, commissioner, rated.id, {
    resolution: '已推送至南京市人才市场“扬帆计划”专场招聘会，并对接江宁高职校订单班，已到岗 6 人。',
  });
  await rateRequest(ctx, enterprise, rated.id, { rating: 5, comment: '响应及时，对接精准' });
  const answered = await submitRequest(ctx, enterprise, {
    category: 'policy_delivery',
    text: '去年吸纳高校毕业生 12 人，想了解一次性扩岗补助何时到账。',
  });
  await answerRequest(ctx, commissioner, answered.id, {
    resolution: '经核，贵单位已进入免申即享名单，补助将于本月内拨付，可在“我的政策”中查看进度。',
  });
  await submitRequest(ctx, enterprise, { category: 'training', text: '希望组织一期工业机器人系统运维员技能培训。' });
  // A request from three weeks ago nobody answered: the escalation job raises it.
  const earlier = new Date(ctx.clock().getTime() - 21 * 86_400_000);
  await submitRequest({ ...ctx, clock: () => earlier }, enterprise, {
    category: 'social_insurance',
    text: '两名外省转入员工的社保关系转移接续迟迟未办结，请协调。',
  });
  await escalateOverdueRequests(ctx);

  const today = todayInShanghai(ctx.clock);
  await logContact(ctx, commissioner, {
    uscc: enterprise.user.uscc,
    kind: 'visit',
    contactDate: today,
    topic: '走访了解新产线用工需求',
    outcome: '企业计划年内新增技能岗位 20 个，已介绍稳岗返还和扩岗补助政策。',
    followUpDate: addDays(today, 14),
  });
}

/** A demo account as a signed-in actor (the demo writes through the services, audited). */
export async function signedIn(
  ctx: AppContext,
  username: string,
): Promise<(Actor & { user: CurrentUser }) | undefined> {
  const row = await repo.findDemoAccount(ctx.db, username);
  if (!row || !isRole(row.role)) return undefined;
  return {
    user: {
      id: Number(row.id),
      username: row.username,
      displayName: row.display_name,
      role: row.role,
      regionCode: row.region_code,
      uscc: row.uscc,
      canViewPersonal: false,
      via: 'session',
    },
    requestId: 'demo',
    ip: null,
  };
}
