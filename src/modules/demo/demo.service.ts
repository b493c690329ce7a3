import { loadDemoLabour } from '../labour/demo-labour.ts';
import { loadDemoMessages } from '../opinion/demo-messages.ts';
import { loadDemoSkills, type DemoSkillsSummary } from '../skills/demo-skills.ts';
import { loadDemoPostings, type DemoPostingsSummary } from '../recruitment/search/demo-postings.ts';
import { loadDemoRecruitment, type DemoRecruitmentSummary } from '../recruitment/demo-recruitment.ts';
import type { AppContext } from '../../app-context.ts';
import { refreshMonitoringAggregates } from '../monitoring/refresh/refresh.service.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import { systemActor } from '../../platform/auth/current-user.ts';
import { sm3Hex } from '../../platform/crypto/sm.ts';
import { AppError } from '../../platform/errors.ts';
import { toDemoRows } from './demo-rows.ts';
import { DEMO_SCALES, type DemoScaleName } from './demo-scales.ts';
import * as repo from './demo.repository.ts';
import { generateDemoBatches } from './generate-demo.ts';

/** Which data to load, and who hears of the progress. */
export interface DemoOptions {
  scale: DemoScaleName;
  seed: number;
  /** Published job postings to write (default: about one for every two enterprises). */
  postings?: number;
  onProgress?: (progress: DemoProgress) => void;
}

/** Reported after each batch is committed. */
export interface DemoProgress {
  enterprisesDone: number;
  enterprisesTotal: number;
  persons: number;
  seconds: number;
}

/** Rows written per table, and how long the load took. */
export interface DemoSummary {
  scale: DemoScaleName;
  seed: number;
  enterprises: number;
  persons: number;
  spells: number;
  contributions: number;
  roster_periods: number;
  recognitions: number;
  graduates: number;
  skill_certificates: number;
  professional_titles: number;
  unemployment_registrations: number;
  poverty_status: number;
  /** Training programmes and records, internship bases, trainees and demonstration bases. */
  /** With the seconds the skills data took to generate and write. */
  skills: DemoSkillsSummary & { seconds: number };
  /** Published job postings (still open among them) and the search index. */
  postings: DemoPostingsSummary;
  /** 专场招聘会, job seekers (personal data sealed) and their applications. */
  recruitment: DemoRecruitmentSummary;
  /** Labour-relations diagnoses, inspection records, dispute cases and 和谐劳动关系 applications. */
  labour: { diagnoses: number; violations: number; disputes: number; harmony: number };
  seconds: number;
}

type Counts = Omit<DemoSummary, 'scale' | 'seed' | 'seconds' | 'skills' | 'postings' | 'recruitment' | 'labour'>;

/** Whether the register is empty, so demo data may be loaded (what `npm start` asks). */
export async function isRegisterEmpty(ctx: AppContext): Promise<boolean> {
  const { enterprises, persons } = await repo.countRegister(ctx.db);
  return enterprises === 0 && persons === 0;
}

/**
 * Fills an empty register with synthetic Jiangsu data of a scale: enterprises, persons,
 * 24 months of spells and contributions, and the person registries. Each batch of
 * enterprises is generated, then written in one transaction; the run is recorded and audited.
 */
export async function loadDemoData(ctx: AppContext, options: DemoOptions): Promise<DemoSummary> {
  const startedAt = performance.now();
  const existing = await repo.countRegister(ctx.db);
  if (existing.enterprises > 0 || existing.persons > 0) {
    throw new AppError(
      'CONFLICT',
      `数据库中已有 ${existing.enterprises} 家企业、${existing.persons} 名人员的数据，演示数据只能载入空库。请改用新的数据库（YANGFAN_DB 或 DATABASE_URL）后重试。`,
    );
  }
  const scale = DEMO_SCALES[options.scale];
  const reference = await repo.findReferenceData(ctx.db);
  const next = await repo.findNextIds(ctx.db);
  const now = ctx.clock().toISOString();
  const runName = `demo:${scale.name}:seed=${options.seed}`;
  const runId = await repo.insertDemoRun(ctx.db, runName, sm3Hex(runName), now);
  const counts = emptyCounts();
  let changeSeq = next.changeSeq;
  for (const batch of generateDemoBatches({ scale, seed: options.seed, ...reference, firstPersonId: next.personId })) {
    const rows = toDemoRows(batch, { cipher: ctx.cipher, now, runId, firstChangeSeq: changeSeq });
    changeSeq += batch.items.length;
    await ctx.db.transaction().execute((trx) => repo.insertDemoRows(trx, rows));
    addCounts(counts, rows);
    options.onProgress?.({
      enterprisesDone: batch.done,
      enterprisesTotal: batch.total,
      persons: counts.persons,
      seconds: secondsSince(startedAt),
    });
  }
  await repo.resetSequences(ctx.db, ctx.dialect);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.completeDemoRun(trx, runId, counts.persons + counts.spells, ctx.clock().toISOString());
    await appendAudit(
      trx,
      ctx.dialect,
      systemActor('demo'),
      {
        action: 'demo.load',
        outcome: 'success',
        objectType: 'import_run',
        objectId: runId,
        details: { scale: scale.name, seed: options.seed, ...counts },
      },
      ctx.clock(),
    );
  });
  // Like an import, a demo load rebuilds the monitoring aggregates: the dashboard shows the data at once.
  await refreshMonitoringAggregates(ctx);
  // 舆情 messages naming the demo enterprises, through the same intake as an import.
  await loadDemoMessages(ctx, options.seed);
  // Training programmes and records, internship bases and trainees, the bases' ranking.
  const skillsStartedAt = performance.now();
  const skills = { ...(await loadDemoSkills(ctx, options.seed, runId)), seconds: secondsSince(skillsStartedAt) };
  // Published job postings of the recruitment zone, indexed for the public search.
  const postings = await loadDemoPostings(ctx, options.seed, {
    ...(options.postings !== undefined ? { count: options.postings } : {}),
  });
  // Job fairs per city and year, job seekers and their applications to the open postings.
  const recruitment = await loadDemoRecruitment(ctx, options.seed);
  // Labour relations: diagnoses, 柔性执法 records, disputes (one collective, alerting), applications.
  const labour = await loadDemoLabour(ctx, options.seed);
  return {
    scale: scale.name,
    seed: options.seed,
    ...counts,
    skills,
    postings,
    recruitment,
    labour,
    seconds: secondsSince(startedAt),
  };
}

function emptyCounts(): Counts {
  return {
    enterprises: 0,
    persons: 0,
    spells: 0,
    contributions: 0,
    roster_periods: 0,
    recognitions: 0,
    graduates: 0,
    skill_certificates: 0,
    professional_titles: 0,
    unemployment_registrations: 0,
    poverty_status: 0,
  };
}

function addCounts(counts: Counts, rows: repo.DemoRows): void {
  counts.enterprises += rows.enterprises.length;
  counts.persons += rows.persons.length;
  counts.spells += rows.employment_spells.length;
  counts.contributions += rows.contributions.length;
  counts.roster_periods += rows.roster_periods.length;
  counts.recognitions += rows.enterprise_recognitions.length;
  counts.graduates += rows.graduates.length;
  counts.skill_certificates += rows.skill_certificates.length;
  counts.professional_titles += rows.professional_titles.length;
  counts.unemployment_registrations += rows.unemployment_registrations.length;
  counts.poverty_status += rows.poverty_status.length;
}

function secondsSince(start: number): number {
  return Math.round((performance.now() - start) / 100) / 10;
}
