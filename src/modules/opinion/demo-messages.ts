import type { AppContext } from '../../app-context.ts';
import { addDays, todayInShanghai } from '../../platform/iso-date.ts';
import { mobileNumber, personName } from '../demo/demo-names.ts';
import { createRandom, type Random } from '../demo/random.ts';
import { analyserFor } from './analyser.ts';
import { deriveShortNames } from './linking.ts';
import { refreshHotspots } from './hotspots.service.ts';
import { loadRegionCodes, storeMessages, type MessageRecord, type Source } from './intake.service.ts';
import { loadLinkingRules } from './opinion-rules.ts';

/**
 * Demo messages for `yangfan demo`: 12333 calls, mailbox letters and posts over the last 60 days
 * naming demo enterprises by full or short name, with one enterprise's wage-arrears spike in the
 * last day (a hotspot), stored through the same intake as an import.
 */

const TEMPLATES: readonly (readonly [string, string])[] = [
  ['{e}拖欠工资', '我是{e}的员工，公司已经拖欠工资两个月，多次讨要无果，联系电话 {phone}。'],
  ['{e}欠薪', '反映{e}欠发上月工资，涉及十余名工人，请求帮助。'],
  ['{e}裁员', '{e}突然裁员，没有给经济补偿，想咨询如何维权。'],
  ['{e}放假待岗', '{e}安排全体放假待岗，只发最低生活费，这合法吗？'],
  ['{e}未缴社保', '入职{e}半年一直没交社保，多次反映无果。'],
  ['社保缴费基数', '{e}按最低缴费基数缴纳社会保险，与实际工资不符。'],
  ['稳岗返还何时到账', '{e}申请的稳岗返还什么时候到账？'],
  ['感谢补贴兑现', '{e}收到了一次性扩岗补助，免申即享真方便，点赞！'],
  ['{e}招聘', '{e}招聘数控操作工 20 名，希望人社部门帮忙发布岗位。'],
  ['面试问题', '在{e}面试时被要求提供婚育情况，这样合规吗？'],
  ['技能培训', '{e}组织的职业技能培训不发证书，员工有意见。'],
  ['感谢培训', '参加了{e}的技能提升培训班，老师讲得很好，感谢！'],
  ['咨询地址', '请问{e}的办公地址在哪里？'],
];
const SOURCES: readonly Source[] = ['hotline', 'hotline', 'mailbox', 'new_media'];

function mention(random: Random, name: string): string {
  const shorts = deriveShortNames(name, loadLinkingRules());
  return random.chance(0.4) || shorts.length === 0 ? name : random.pick(shorts);
}

function at(random: Random, day: string): string {
  return `${day} ${String(random.int(8, 20)).padStart(2, '0')}:${String(random.int(0, 59)).padStart(2, '0')}:00`;
}

/** The demo messages of a seed (deterministic) for the given enterprises and day. */
export function generateDemoMessages(
  enterprises: readonly { uscc: string; name: string; region_code: string }[],
  seed: number,
  today: string,
  count = 400,
): MessageRecord[] {
  if (enterprises.length === 0) return [];
  const random = createRandom(seed * 7 + 17);
  const records: MessageRecord[] = [];
  for (let i = 0; i < count; i += 1) {
    const enterprise = random.pick(enterprises);
    const [title, content] = random.pick(TEMPLATES);
    const e = mention(random, enterprise.name);
    const fill = (text: string) => text.replace('{e}', e).replace('{phone}', mobileNumber(random));
    const withSender = random.chance(0.6);
    records.push({
      source: random.pick(SOURCES),
      receivedAt: at(random, addDays(today, -random.int(1, 60))),
      title: fill(title),
      content: fill(content),
      ...(withSender ? { sender: personName(random, random.chance(0.5) ? 'male' : 'female') } : {}),
      ...(random.chance(0.5) ? { regionCode: enterprise.region_code } : {}),
    });
  }
  // A spike: eight calls about one enterprise's wages today.
  const hot = enterprises[0]!;
  for (let i = 0; i < 8; i += 1)
    records.push({
      source: 'hotline',
      receivedAt: at(random, today),
      title: `${hot.name}拖欠工资（${i + 1}）`,
      content: `${hot.name}拖欠我们车间工资三个月，老板一直说下个月发，联系电话 ${mobileNumber(random)}。`,
      sender: personName(random, 'male'),
    });
  return records;
}

/** Stores the demo messages and raises the hotspots; returns how many were stored. */
export async function loadDemoMessages(ctx: AppContext, seed: number): Promise<number> {
  const register = await ctx.db
    .selectFrom('enterprises')
    .select(['uscc', 'name', 'region_code'])
    .orderBy('uscc')
    .execute();
  const sample = register.filter((_, i) => i % Math.max(1, Math.floor(register.length / 300)) === 0);
  const records = generateDemoMessages(sample, seed, todayInShanghai(ctx.clock));
  const analyser = await analyserFor(ctx);
  const regions = await loadRegionCodes(ctx.db);
  let stored = 0;
  for (let i = 0; i < records.length; i += 500) {
    const outcomes = await ctx.db
      .transaction()
      .execute((trx) => storeMessages(trx, ctx, analyser, regions, records.slice(i, i + 500), 'demo'));
    stored += outcomes.filter((o) => o.status === 'accepted').length;
  }
  await refreshHotspots(ctx);
  return stored;
}
