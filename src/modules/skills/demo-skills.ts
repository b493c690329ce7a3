import type { AppContext } from '../../app-context.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import { systemActor } from '../../platform/auth/current-user.ts';
import { addDays } from '../../platform/iso-date.ts';
import { personName, SCHOOLS } from '../demo/demo-names.ts';
import { createRandom, deriveSeed, type Random } from '../demo/random.ts';
import { makeIdNumber } from '../../platform/identifiers/id-number.ts';
import { graduatesImport } from '../workforce/registries/graduates.import.ts';
import { unemploymentImport } from '../workforce/registries/unemployment.import.ts';
import {
  findCityNames,
  findDemoEnterprises,
  countPersons,
  findDemoOccupations,
  findEnterprisesWithLogin,
  findInsuredPersons,
  hasSkillsData,
  type DemoEnterprise,
} from './demo-skills.repository.ts';
import { findLatestScoreRun, findRunScores, insertBase, updateBase } from './internships/internships.repository.ts';
import { writeScoreRun } from './internships/internships.service.ts';
import { loadDemoSelfEvaluation } from './talent/demo-self-evaluation.ts';
import { writeTraineeBatch, type TraineeInput } from './internships/trainees.import.ts';
import type { ProgrammeType } from './skills.table.ts';
import { insertProgramme } from './training/training.repository.ts';
import { writeTrainingBatch, type TrainingRecordInput } from './training/training.import.ts';

/**
 * The demo's 技能人才 data (`yangfan demo`, `npm start`): training programmes of each city with their
 * enterprises' insured people as trainees, internship bases (most approved, a few waiting) with
 * young trainees, one scoring run and the best-ranked bases selected as 省级示范见习基地, and one
 * 自主评价 pilot per city with the certificates it issued. Records go
 * through the same batch writers as the `training` and `trainees` imports; added once.
 */

export interface DemoSkillsSummary {
  programmes: number;
  training_records: number;
  internship_bases: number;
  trainees: number;
  demonstration_bases: number;
  /** Persons the trainees added to the register (young graduates with their registrations). */
  persons_added: number;
  self_evaluation_enterprises: number;
  /** Certificates recorded as issued by a self-evaluating enterprise. */
  issued_certificates: number;
}

const PROVIDERS = ['技师学院', '高级技工学校', '职业技术学院', '职业技能培训中心', '产业工人培训学院'];
const PROGRAMME_TYPES: readonly (readonly [ProgrammeType, number])[] = [
  ['order', 3],
  ['directed', 2],
  ['post', 2],
  ['project', 4],
  ['apprentice', 2],
];
const POSTS = ['研发助理', '工艺技术员', '质量检验员', '数控操作', '电气调试', '软件测试', '行政助理', '销售助理'];
/** Monthly allowances the demo bases pay, in yuan (the local minimum wage or a little above it). */
const ALLOWANCES_YUAN = [2000, 2200, 2490, 2600, 3000];
const SUBSIDIES_YUAN = [0, 800, 1200, 1500, 2000];
/** Demo internships have ended by the demo's report date, so the subsidy can be matched for them. */
const DEMO_TRAINEES_END_BY = '2025-12-31';

/** Adds the skills demo data when none exists; answers what it wrote. */
export async function loadDemoSkills(ctx: AppContext, seed: number, runId: number): Promise<DemoSkillsSummary> {
  const summary: DemoSkillsSummary = {
    programmes: 0,
    training_records: 0,
    internship_bases: 0,
    trainees: 0,
    demonstration_bases: 0,
    persons_added: 0,
    self_evaluation_enterprises: 0,
    issued_certificates: 0,
  };
  if (await hasSkillsData(ctx.db)) return summary;
  const enterprises = await findDemoEnterprises(ctx.db);
  if (enterprises.length === 0) return summary;
  const byCity = groupByCity(enterprises);
  const cityNames = await findCityNames(ctx.db);
  await loadTraining(ctx, seed, byCity, cityNames, summary);
  // The demo logins' enterprises are left to apply for themselves (the e2e story does).
  const withLogin = await findEnterprisesWithLogin(ctx.db);
  const candidates = groupByCity(enterprises.filter((e) => !withLogin.has(e.uscc)));
  const personsBefore = await countPersons(ctx.db);
  await loadInternships(ctx, seed, candidates, runId, summary);
  summary.persons_added = (await countPersons(ctx.db)) - personsBefore;
  Object.assign(summary, await loadDemoSelfEvaluation(ctx, cityNames));
  await appendAudit(
    ctx.db,
    ctx.dialect,
    systemActor('demo'),
    { action: 'demo.skills', outcome: 'success', objectType: 'demo', objectId: 'skills', details: { ...summary } },
    ctx.clock(),
  );
  return summary;
}

function groupByCity(enterprises: readonly DemoEnterprise[]): Map<string, DemoEnterprise[]> {
  const byCity = new Map<string, DemoEnterprise[]>();
  for (const e of enterprises) byCity.set(e.city_code, [...(byCity.get(e.city_code) ?? []), e]);
  return byCity;
}

async function loadTraining(
  ctx: AppContext,
  seed: number,
  byCity: Map<string, DemoEnterprise[]>,
  cityNames: Map<string, string>,
  summary: DemoSkillsSummary,
): Promise<void> {
  const occupations = await findDemoOccupations(ctx.db);
  const production = occupations.filter((o) => o.major_group === '6');
  const digital = occupations.filter((o) => o.is_digital === 1);
  const others = occupations.filter((o) => o.major_group !== '6' && o.is_digital !== 1);
  const now = ctx.clock().toISOString();
  for (const [cityCode, members] of [...byCity].sort(([a], [b]) => a.localeCompare(b))) {
    const random = createRandom(deriveSeed(seed, 'skills-training', Number(cityCode)));
    const count = Math.max(1, Math.min(60, Math.round(members.length / 8)));
    const cityName = cityNames.get(cityCode) ?? '';
    for (let i = 0; i < count; i += 1) {
      const pool = random.weighted([
        [production, production.length ? 6 : 0],
        [digital, digital.length ? 3 : 0],
        [others, others.length ? 1 : 0],
      ]);
      const occupation = random.pick(pool);
      const start = randomDate(random, '2024-01-05', '2025-10-20');
      const end = addDays(start, random.int(20, 75));
      const usccs = pickSome(random, members, random.int(1, 3)).map((e) => e.uscc);
      const programmeNo = `PX${cityCode}${start.slice(0, 4)}${String(i + 1).padStart(3, '0')}`;
      const isSubsidised = random.chance(0.85);
      await ctx.db.transaction().execute(async (trx) => {
        await insertProgramme(
          trx,
          {
            programme_no: programmeNo,
            name: `${occupation.name}${random.pick(['技能提升班', '订单培养班', '新型学徒班', '岗位技能培训'])}`,
            type: random.weighted(PROGRAMME_TYPES),
            provider: `${cityName}${random.pick(PROVIDERS)}`,
            occupation_code: occupation.code,
            start_date: start,
            end_date: end,
            is_subsidised: isSubsidised ? 1 : 0,
            region_code: members[0]!.region_code,
            created_at: now,
            created_by: null,
          },
          usccs,
        );
        const people = await findInsuredPersons(trx, usccs, periodOf(start), random.int(15, 60));
        const rows = people.map((p, line): { line: number; record: TrainingRecordInput } => {
          const isCompleted = random.chance(0.92);
          return {
            line: line + 1,
            record: {
              idNumber: ctx.cipher.decrypt(p.idEnc),
              name: p.name,
              programmeNo,
              occupationCode: occupation.code,
              startDate: start,
              endDate: end,
              isCompleted,
              certificateNo:
                isCompleted && random.chance(0.6)
                  ? `${end.slice(0, 4)}${String(random.int(1, 999_999_999)).padStart(12, '0')}`
                  : null,
              subsidyFen: isSubsidised && isCompleted ? random.pick(SUBSIDIES_YUAN.slice(1)) * 100 : 0,
            },
          };
        });
        const outcome = await writeTrainingBatch(trx, ctx, rows);
        summary.training_records += outcome.accepted;
      });
      summary.programmes += 1;
    }
  }
}

async function loadInternships(
  ctx: AppContext,
  seed: number,
  byCity: Map<string, DemoEnterprise[]>,
  runId: number,
  summary: DemoSkillsSummary,
): Promise<void> {
  const actor = systemActor('demo');
  const now = ctx.clock().toISOString();
  for (const [cityCode, members] of [...byCity].sort(([a], [b]) => a.localeCompare(b))) {
    const random = createRandom(deriveSeed(seed, 'skills-internships', Number(cityCode)));
    const count = Math.max(1, Math.min(40, Math.round(members.length / 8)));
    for (const [index, enterprise] of pickSome(random, members, count).entries()) {
      const isWaiting = index === count - 1 && count >= 2;
      await ctx.db.transaction().execute(async (trx) => {
        await insertBase(trx, {
          uscc: enterprise.uscc,
          region_code: enterprise.region_code,
          posts: random.int(4, 30),
          mentors: random.int(2, 8),
          note: null,
          status: isWaiting ? 'applied' : 'approved',
          level: isWaiting ? null : 'city',
          applied_at: now,
          applied_by: null,
          decided_at: isWaiting ? null : now,
          decided_by: null,
          demonstration_at: null,
          demonstration_by: null,
          demonstration_score_run: null,
        });
        summary.internship_bases += 1;
        if (isWaiting) return;
        // Young graduates of 2023–2025, registered unemployed after leaving school, start 1–10 months later.
        const trainees = Array.from({ length: random.int(3, 10) }, (_, i) => {
          const graduatedOn = `${random.pick(['2023', '2024', '2025'])}-06-30`;
          const start = addDays(graduatedOn, random.int(20, 300));
          const born = addDays(`${Number(graduatedOn.slice(0, 4)) - random.int(21, 23)}-01-01`, random.int(0, 364));
          const sex = random.chance(0.5) ? 'male' : 'female';
          const sequence = (random.int(0, 498) * 2 + (sex === 'male' ? 1 : 0)) % 1000;
          const isCompleted = random.chance(0.85);
          return {
            line: i + 1,
            idNumber: makeIdNumber(enterprise.region_code, born, sequence),
            name: personName(random, sex),
            graduatedOn,
            start,
            end: addDays(start, random.int(3, 8) * 30),
            isCompleted,
            isRetained: isCompleted && random.chance(0.6),
            degree: random.pick(['associate', 'bachelor', 'bachelor', 'master'] as const),
          };
        }).filter((t) => t.end < DEMO_TRAINEES_END_BY);
        await graduatesImport.writeBatch(
          trx,
          ctx,
          trainees.map((t) => ({
            line: t.line,
            record: {
              idNumber: t.idNumber,
              name: t.name,
              school: random.pick(t.degree === 'associate' ? SCHOOLS.associate : SCHOOLS.bachelor),
              degree: t.degree,
              graduatedOn: t.graduatedOn,
            },
          })),
          runId,
        );
        await unemploymentImport.writeBatch(
          trx,
          ctx,
          trainees.map((t) => ({
            line: t.line,
            record: {
              idNumber: t.idNumber,
              name: t.name,
              registeredOn: addDays(t.graduatedOn, 10),
              closedOn: t.isRetained ? addDays(t.end, 1) : null,
            },
          })),
          runId,
        );
        const rows = trainees.map((t): { line: number; record: TraineeInput } => ({
          line: t.line,
          record: {
            idNumber: t.idNumber,
            name: t.name,
            uscc: enterprise.uscc,
            post: random.pick(POSTS),
            startDate: t.start,
            endDate: t.end,
            isCompleted: t.isCompleted,
            isRetained: t.isRetained,
            allowanceFen: random.pick(ALLOWANCES_YUAN) * 100,
            satisfaction: random.chance(0.7) ? random.int(3, 5) : null,
          },
        }));
        const outcome = await writeTraineeBatch(trx, ctx, rows, 'import');
        summary.trainees += outcome.accepted;
      });
    }
  }
  // The province's ranking, and its best bases (about a fifth) selected as demonstration bases.
  await ctx.db.transaction().execute(async (trx) => {
    await writeScoreRun(ctx, trx, actor, null);
    const run = (await findLatestScoreRun(trx))!;
    const ranked = await findRunScores(trx, run.id);
    for (const scored of ranked.slice(0, Math.ceil(ranked.length / 5))) {
      await updateBase(trx, scored.uscc, {
        is_demonstration: 1,
        level: 'province',
        demonstration_at: now,
        demonstration_by: null,
        demonstration_score_run: run.id,
      });
      summary.demonstration_bases += 1;
    }
  });
}

function pickSome<T>(random: Random, items: readonly T[], count: number): T[] {
  const pool = [...items];
  const picked: T[] = [];
  while (picked.length < count && pool.length > 0) picked.push(pool.splice(random.int(0, pool.length - 1), 1)[0]!);
  return picked;
}

function randomDate(random: Random, from: string, to: string): string {
  const start = Date.parse(`${from}T00:00:00Z`);
  const days = Math.round((Date.parse(`${to}T00:00:00Z`) - start) / 86_400_000);
  return addDays(from, random.int(0, days));
}

function periodOf(date: string): number {
  return Number(date.slice(0, 4)) * 100 + Number(date.slice(5, 7));
}
