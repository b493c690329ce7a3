import type { AppContext } from '../../app-context.ts';
import { makeIdNumber } from '../../platform/identifiers/id-number.ts';
import { addDays, todayInShanghai } from '../../platform/iso-date.ts';
import { DEMO_ACCOUNTS } from '../accounts/demo-accounts.ts';
import { personName } from '../demo/demo-names.ts';
import { createRandom, type Random } from '../demo/random.ts';
import { queueOfficialAlert } from '../benefits/delivery/official-alerts.service.ts';
import * as diagnoses from './diagnoses.repository.ts';
import { questionnaireOf, scoreDiagnosis, type Answer } from './diagnosis.ts';
import { collectiveAlertReason } from './dispute-alert.ts';
import { disputeDeadlines } from './dispute-deadlines.ts';
import * as disputes from './disputes.repository.ts';
import { claimTerms } from './disputes.service.ts';
import { decideLenientOutcome, lenientList } from './lenient-enforcement.ts';
import * as violations from './violations.repository.ts';

/**
 * Demo labour relations for `yangfan demo`: diagnoses with a spread of scores, inspection records
 * (first minor ones reminded, repeats and unlisted ones handled normally), dispute cases at every
 * stage with one open collective dispute raising its alert, and a few 和谐劳动关系 applications.
 * Deterministic for a seed; written through the module's own repositories.
 */

const CLAIMS = [
  '公司未提前三十日通知即解除劳动合同，请求支付代通知金和经济补偿',
  '公司违法解除劳动合同，请求支付赔偿金',
  '拖欠工资两个月，请求支付拖欠的工资及加班费',
  '未签订书面劳动合同，请求支付二倍工资差额',
  '未依法缴纳社会保险，请求补缴并赔偿损失',
  '加班费未足额支付，请求按法定标准补发',
  '未休年休假，请求支付未休年休假工资报酬',
  '劳动合同期满终止，请求支付经济补偿',
  '工伤停工留薪期工资未支付，请求支付',
  '调岗降薪未经协商，请求恢复原岗位并补发工资差额',
];
const OUTCOMES = ['调解结案，企业一次性支付', '裁决支持部分请求', '申请人撤回申请', '调解结案，分期支付'];
const DESCRIPTIONS: Record<string, string> = {
  L01: '检查发现企业未建立职工名册',
  L02: '部分劳动合同未交付劳动者',
  L03: '劳动合同缺少工作地点条款',
  L04: '工资支付记录保存不全',
  L05: '考勤制度未向职工公示',
  L06: '用工备案信息未按时报送',
  L07: '上月工资延迟三日发放，已补发',
  L08: '未按时提供监察所需资料，已补交',
};

interface DemoEnterprise {
  uscc: string;
  name: string;
  region_code: string;
  city_code: string | null;
  recognized_on: string;
  valid_until: string;
}

function answerFor(random: Random, quality: number): Answer {
  const roll = random.next();
  return roll < quality ? 'yes' : roll < quality + (1 - quality) / 2 ? 'partly' : 'no';
}

/** Stores the demo records; answers how many of each. */
export async function loadDemoLabour(ctx: AppContext, seed: number) {
  const random = createRandom(seed * 13 + 5);
  const today = todayInShanghai(ctx.clock);
  const at = ctx.clock().toISOString();
  const register: DemoEnterprise[] = await ctx.db
    .selectFrom('enterprises as e')
    .innerJoin('regions as r', 'r.code', 'e.region_code')
    .select(['e.uscc', 'e.name', 'e.region_code', 'r.city_code', 'e.recognized_on', 'e.valid_until'])
    .orderBy('e.uscc')
    .execute();
  if (register.length === 0) return { diagnoses: 0, violations: 0, disputes: 0, harmony: 0 };
  const step = Math.max(1, Math.floor(register.length / 200));
  const sample = register.filter((_, i) => i % step === 0);
  // The demo accounts' enterprises keep a clean inspection and dispute record: their first
  // violation recorded in the browser is a first one.
  const accountUsccs = new Set(DEMO_ACCOUNTS.map((a) => a.uscc).filter(Boolean));
  const others = sample.filter((e) => !accountUsccs.has(e.uscc));
  const questionnaire = questionnaireOf(undefined, today);
  const counts = { diagnoses: 0, violations: 0, disputes: 0, harmony: 0 };

  await ctx.db.transaction().execute(async (trx) => {
    for (const [index, enterprise] of sample.entries()) {
      if (index % 3 === 2) continue;
      const quality = 0.45 + random.next() * 0.5;
      const answers = Object.fromEntries(
        questionnaire.areas.flatMap((a) => a.questions.map((q) => [q.code, answerFor(random, quality)])),
      );
      const result = scoreDiagnosis(questionnaire, answers);
      await diagnoses.insertDiagnosis(trx, {
        uscc: enterprise.uscc,
        region_code: enterprise.region_code,
        version: questionnaire.version,
        answers_json: JSON.stringify(answers),
        scores_json: JSON.stringify(result),
        total_score: result.total,
        is_at_risk: result.isAtRisk ? 1 : 0,
        submitted_by: 'demo',
        submitted_at: `${addDays(today, -random.int(1, 90))}T02:00:00.000Z`,
      });
      counts.diagnoses += 1;
      if (!result.isAtRisk && index % 10 === 0) {
        await diagnoses.insertHarmonyApplication(trx, {
          uscc: enterprise.uscc,
          enterprise_name: enterprise.name,
          region_code: enterprise.region_code,
          year: Number(today.slice(0, 4)),
          statement: '全员签订劳动合同，工资按月足额支付，建立了职工内部申诉渠道并每年开展工资集体协商。',
          state: 'submitted',
          review_note: null,
          reviewed_by: null,
          reviewed_at: null,
          created_at: at,
        });
        counts.harmony += 1;
      }
    }

    const list = lenientList();
    const recorded = new Map<string, number>();
    for (const enterprise of others.filter((_, i) => i % 4 === 1)) {
      const times = random.chance(0.25) ? 2 : 1;
      for (let n = 0; n < times; n += 1) {
        const item = random.chance(0.75) ? random.pick(list.items) : null;
        const decision = decideLenientOutcome(item?.code ?? null, recorded.get(enterprise.uscc) ?? 0);
        recorded.set(enterprise.uscc, (recorded.get(enterprise.uscc) ?? 0) + 1);
        await violations.insertViolation(trx, {
          uscc: enterprise.uscc,
          enterprise_name: enterprise.name,
          region_code: enterprise.region_code,
          item_code: item?.code ?? null,
          list_version: list.version,
          description: item ? DESCRIPTIONS[item.code]! : '拖欠劳动者工资，经责令仍未支付',
          found_on: addDays(today, -random.int(1, 200)),
          outcome: decision.outcome,
          reason: decision.reason,
          recorded_by: 'demo',
          created_at: at,
        });
        counts.violations += 1;
      }
    }

    const disputeEnterprises = others.filter((_, i) => i % 4 === 3);
    for (const [index, enterprise] of disputeEnterprises.entries()) {
      const isCollective = index === 0;
      const receivedOn = isCollective ? addDays(today, -2) : addDays(today, -random.int(3, 180));
      const kind = random.chance(0.6) ? 'arbitration' : 'mediation';
      const age = Math.round((Date.parse(today) - Date.parse(receivedOn)) / 86_400_000);
      const stage = isCollective
        ? 'accepted'
        : age > 50
          ? 'closed'
          : age > 5
            ? kind === 'mediation'
              ? 'mediating'
              : 'arbitrating'
            : 'accepted';
      const isFastTrack = enterprise.recognized_on <= receivedOn && receivedOn <= enterprise.valid_until;
      const deadlines = disputeDeadlines({ kind, receivedOn, isFastTrack, isExtended: false });
      const workersCount = isCollective ? 35 : random.int(1, 3);
      const claims = isCollective ? '35 名职工集体追索拖欠的三个月工资及加班费' : random.pick(CLAIMS);
      const arrearsFen = isCollective ? 126_000_000 : claims.includes('拖欠') ? random.int(8_000, 40_000) * 100 : 0;
      const alertReason = collectiveAlertReason({ workersCount, arrearsFen, receivedOn });
      const year = Number(receivedOn.slice(0, 4));
      const caseNo = `（${year}）劳争字第${String((await disputes.countDisputesOfYear(trx, year)) + 1).padStart(4, '0')}号`;
      const id = await disputes.insertDispute(trx, {
        case_no: caseNo,
        uscc: enterprise.uscc,
        enterprise_name: enterprise.name,
        region_code: enterprise.region_code,
        city_code: enterprise.city_code ?? enterprise.region_code,
        kind,
        stage,
        is_fast_track: isFastTrack ? 1 : 0,
        received_on: receivedOn,
        deadline: deadlines.deadline,
        fast_track_due: deadlines.fastTrackDue,
        workers_count: workersCount,
        claims_enc: ctx.cipher.encrypt(claims),
        terms: claimTerms(claims),
        claimed_fen: isCollective ? arrearsFen : random.int(5_000, 120_000) * 100,
        arrears_fen: arrearsFen,
        alert_reason: alertReason,
        alert_raised_at: alertReason ? at : null,
        outcome: stage === 'closed' ? random.pick(OUTCOMES) : null,
        closed_on: stage === 'closed' ? addDays(receivedOn, random.int(10, 40)) : null,
        compensation_json: null,
        created_by: 'demo',
        created_at: at,
        updated_at: at,
      });
      const parties = Array.from({ length: Math.min(workersCount, 3) }, (_, p) => {
        const sex = random.chance(0.5) ? 'male' : 'female';
        const idNumber = makeIdNumber(
          enterprise.region_code,
          `${random.int(1970, 2000)}-0${random.int(1, 9)}-1${random.int(0, 9)}`,
          random.int(1, 499) * 2 + (sex === 'male' ? 1 : 0) - (p % 2),
        );
        return { name: personName(random, sex), idNumber };
      });
      await disputes.insertParties(
        trx,
        parties.map((p) => ({
          dispute_id: id,
          name_enc: ctx.cipher.encrypt(p.name),
          id_number_enc: ctx.cipher.encrypt(p.idNumber),
          id_index: ctx.cipher.blindIndex('id', p.idNumber),
        })),
      );
      if (alertReason)
        await queueOfficialAlert(trx, {
          key: `labour-dispute:${id}:collective`,
          cityCode: enterprise.city_code ?? enterprise.region_code,
          title: '集体劳动争议应急预警',
          body: `${enterprise.name}（${caseNo}）：${alertReason}。`,
          at,
        });
      counts.disputes += 1;
    }
  });
  return counts;
}
