import type { AppContext } from '../../app-context.ts';
import { hashPassword } from '../../platform/auth/password.ts';
import { todayInShanghai } from '../../platform/iso-date.ts';
import { seekerContactIndex, seekerUsernameOf } from '../accounts/seeker-logins.ts';
import { DEMO_PASSWORD } from '../accounts/demo-accounts.ts';
import { mobileNumber, personName } from '../demo/demo-names.ts';
import { createRandom, type Random } from '../demo/random.ts';
import type { ApplicationStatus } from './applications/applications.table.ts';
import { loadDemoCampaigns } from './campaigns/demo-campaigns.ts';
import * as seekers from './seekers/seekers.repository.ts';
import { EDUCATION_LEVELS } from './postings/postings.service.ts';

/**
 * The demo's job fairs, seekers and applications (`yangfan demo`): each city holds about nine
 * 专场招聘会 a year (the plan asks at least 100 a year in the province), a third online, with 5–20
 * local enterprises and their posts, registrations, attendance (60–85 %) and intentions (10–30 %
 * of attendance); a few fairs are still ahead. Seekers (about one for every two open postings,
 * personal data sealed) apply to open postings and stand at every step to 录用 / 不合适; those at 面试
 * have an interview arranged (time and place or link), those at 录用 one already held.
 */

export interface DemoRecruitmentSummary {
  fairs: number;
  seekers: number;
  applications: number;
  campaigns: number;
}

const FAIRS_PER_CITY_YEAR = 9;
const NAMES = [
  '专精特新企业专场招聘会',
  '“扬帆计划”专场招聘会',
  '高校毕业生进专精特新企业招聘会',
  '技能人才专场招聘会',
];
const STEPS: readonly (readonly [ApplicationStatus, number])[] = [
  ['submitted', 35],
  ['viewed', 25],
  ['interview', 15],
  ['hired', 10],
  ['rejected', 15],
];

function isoDay(ms: number): string {
  return new Date(ms + 8 * 3600_000).toISOString().slice(0, 10);
}

async function loadFairs(ctx: AppContext, random: Random, now: string): Promise<number> {
  const cities = await ctx.db.selectFrom('regions').select(['code', 'name']).where('level', '=', 'city').execute();
  const enterprises = await ctx.db.selectFrom('enterprises').select(['uscc', 'city_code']).execute();
  const today = todayInShanghai(() => new Date(now));
  const thisYear = Number(today.slice(0, 4));
  let written = 0;
  for (const year of [thisYear - 2, thisYear - 1, thisYear]) {
    for (const city of cities) {
      const local = enterprises.filter((e) => e.city_code === city.code);
      const count = FAIRS_PER_CITY_YEAR + random.int(-1, 3);
      for (let i = 0; i < count; i += 1) {
        const start = Date.parse(`${year}-01-01T00:00:00+08:00`);
        const date = isoDay(start + random.next() * 364 * 86_400_000);
        // This year's fairs after today are upcoming: no figures yet.
        if (year === thisYear && date > today && !random.chance(0.1)) continue;
        const isHeld = date <= today;
        const isOnline = random.chance(0.33);
        const registrations = isHeld ? random.int(200, 3000) : 0;
        const attendance = isHeld ? Math.round(registrations * (0.6 + random.next() * 0.25)) : 0;
        const fairId = Number(
          (
            await ctx.db
              .insertInto('job_fairs')
              .values({
                source_key: null,
                name: `${city.name}${year}年${random.pick(NAMES)}（第${i + 1}场）`,
                fair_date: date,
                mode: isOnline ? 'online' : 'onsite',
                place: isOnline ? '就在江苏·苏心聘线上招聘平台' : `${city.name}人力资源市场`,
                organiser: `${city.name}人力资源和社会保障局`,
                region_code: city.code,
                city_code: city.code,
                registrations,
                attendance,
                intentions: isHeld ? Math.round(attendance * (0.1 + random.next() * 0.2)) : 0,
                created_by: null,
                created_at: now,
                updated_at: now,
              })
              .returning('id')
              .executeTakeFirstOrThrow()
          ).id,
        );
        const taking = new Set<string>();
        const wanted = Math.min(local.length, random.int(5, 20));
        while (taking.size < wanted) taking.add(local[random.int(0, local.length - 1)]!.uscc);
        if (taking.size > 0)
          await ctx.db
            .insertInto('job_fair_enterprises')
            .values(
              [...taking].map((uscc) => ({
                fair_id: fairId,
                uscc,
                posts: random.int(2, 20),
                posting_ids: '[]',
                signed_up_by: 'official' as const,
                created_at: now,
              })),
            )
            .execute();
        written += 1;
      }
    }
  }
  return written;
}

/**
 * The interview arranged for a demo application at 面试 (days ahead, on a working-day hour, at the
 * posting's work place or, for one in four, online), or already held for one at 录用.
 */
function interviewOf(random: Random, applicationId: number, address: string, isHeld: boolean, now: string) {
  const day = isoDay(Date.parse(now) + (isHeld ? -random.int(3, 20) : random.int(1, 14)) * 86_400_000);
  const minutes = 9 * 60 + random.int(0, 15) * 30;
  const wall = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  const isOnline = random.chance(0.25);
  return {
    application_id: applicationId,
    scheduled_at: new Date(`${day}T${wall}:00+08:00`).toISOString(),
    place: isOnline ? null : `${address}（到达后联系人力资源部）`,
    link: isOnline ? `https://meeting.tencent.com/dm/${random.int(100_000_000, 999_999_999)}` : null,
    note: isOnline ? '线上视频面试，请提前 10 分钟入会' : '请携带身份证和简历',
    created_by: null,
    created_at: now,
  };
}

async function loadSeekersAndApplications(ctx: AppContext, random: Random, now: string) {
  const open = await ctx.db
    .selectFrom('job_postings')
    .select(['id', 'uscc', 'address'])
    .where('status', '=', 'published')
    .where('valid_until', '>=', now.slice(0, 10))
    .execute();
  if (open.length === 0) return { seekers: 0, applications: 0 };
  const total = Math.min(2000, Math.max(20, Math.round(open.length / 2)));
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const people = [];
  const phones = new Set<string>();
  while (people.length < total) {
    const phone = mobileNumber(random);
    if (phones.has(phone)) continue;
    phones.add(phone);
    const contact = { channel: 'sms' as const, phone };
    people.push({
      phone,
      name: personName(random, random.chance(0.5) ? 'male' : 'female'),
      username: seekerUsernameOf(ctx.cipher, contact),
      index: seekerContactIndex(ctx.cipher, contact),
    });
  }
  let applications = 0;
  for (let i = 0; i < people.length; i += 200) {
    const chunk = people.slice(i, i + 200);
    await ctx.db.transaction().execute(async (trx) => {
      const ids = await seekers.insertSeekerAccounts(
        trx,
        chunk.map((p) => ({
          username: p.username,
          display_name: p.name,
          password_hash: passwordHash,
          phone_enc: ctx.cipher.encrypt(p.phone),
          phone_index: p.index,
          at: now,
        })),
      );
      for (const p of chunk) {
        const seekerId = await seekers.insertSeeker(trx, {
          user_id: ids.get(p.username)!,
          name_enc: ctx.cipher.encrypt(p.name),
          id_number_enc: null,
          id_number_index: null,
          phone_enc: ctx.cipher.encrypt(p.phone),
          phone_index: p.index,
          email_enc: null,
          email_index: null,
          education: random.pick(EDUCATION_LEVELS.slice(2)),
          graduation_date: `${random.int(2015, 2025)}-06-30`,
          certificates: JSON.stringify(random.chance(0.4) ? ['电工（四级）'] : []),
          created_at: now,
          updated_at: now,
        });
        const chosen = new Set<number>();
        const wanted = random.int(1, 4);
        while (chosen.size < Math.min(wanted, open.length)) chosen.add(random.int(0, open.length - 1));
        const picked = [...chosen].map((k) => open[k]!);
        const rows = picked.map((posting) => {
          const status = random.weighted(STEPS);
          return {
            posting_id: Number(posting.id),
            seeker_id: seekerId,
            uscc: posting.uscc,
            status,
            created_at: now,
            updated_at: now,
            viewed_at: status === 'submitted' ? null : now,
            interview_at: status === 'interview' || status === 'hired' ? now : null,
            decided_at: status === 'hired' || status === 'rejected' ? now : null,
          };
        });
        const inserted = await trx
          .insertInto('job_applications')
          .values(rows)
          .returning(['id', 'posting_id'])
          .execute();
        const idOf = new Map(inserted.map((r) => [Number(r.posting_id), Number(r.id)]));
        const interviews = rows.flatMap((row, k) =>
          row.status === 'interview' || row.status === 'hired'
            ? [interviewOf(random, idOf.get(row.posting_id)!, picked[k]!.address, row.status === 'hired', now)]
            : [],
        );
        if (interviews.length > 0) await trx.insertInto('job_interviews').values(interviews).execute();
        applications += rows.length;
      }
    });
  }
  return { seekers: people.length, applications };
}

/** Writes the demo's campaigns, fairs, seekers and applications once (nothing when they exist already). */
export async function loadDemoRecruitment(ctx: AppContext, seed: number): Promise<DemoRecruitmentSummary> {
  // 引才活动 with their events, results and 东西部劳务协作 hires (written once, on their own).
  const campaigns = await loadDemoCampaigns(ctx, seed);
  const any = await ctx.db.selectFrom('job_fairs').select('id').limit(1).executeTakeFirst();
  if (any) return { fairs: 0, seekers: 0, applications: 0, campaigns };
  const random = createRandom(seed ^ 0xfa125);
  const now = ctx.clock().toISOString();
  const fairs = await loadFairs(ctx, random, now);
  return { fairs, ...(await loadSeekersAndApplications(ctx, random, now)), campaigns };
}
