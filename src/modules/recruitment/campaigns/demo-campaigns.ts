import type { AppContext } from '../../../app-context.ts';
import { makeIdNumber } from '../../../platform/identifiers/id-number.ts';
import { todayInShanghai } from '../../../platform/iso-date.ts';
import { personName } from '../../demo/demo-names.ts';
import { createRandom, type Random } from '../../demo/random.ts';
import * as repo from './campaigns.repository.ts';
import type { CampaignEventMode, CampaignKind } from './campaigns.table.ts';
import { homeProvinceOf } from './home-province.ts';

/**
 * The demo's recruitment campaigns (`yangfan demo`), last year and this: the province's 百名海外博士江苏行
 * and 江苏招才月, 四对接 in three cities and 东西部劳务协作 in three (events in 陕西 and 青海, the
 * province's partners, and online), with results and, for the 劳务协作, 15–40 hires each, most from
 * the west (county codes of 陕西, 青海, 贵州, 四川, 甘肃) and some from 安徽, 河南 and Jiangsu itself.
 */

interface DemoCampaign {
  kind: CampaignKind;
  name: string;
  region: string;
  organiser: string;
  events: { city: string; place: string; mode: CampaignEventMode }[];
}

const HOME_COUNTIES: readonly (readonly [string, number])[] = [
  ['610702', 20], // 陕西 汉中 汉台区
  ['610102', 10], // 陕西 西安 新城区
  ['630102', 12], // 青海 西宁 城东区
  ['520102', 8], // 贵州 贵阳 南明区
  ['510104', 8], // 四川 成都 锦江区
  ['620102', 6], // 甘肃 兰州 城关区
  ['340102', 6], // 安徽 合肥 瑶海区
  ['410102', 5], // 河南 郑州 中原区
  ['320102', 5], // 江苏 南京 玄武区
];

function campaignsOf(cities: { code: string; name: string }[]): DemoCampaign[] {
  const city = (code: string) => cities.find((c) => c.code === code)?.name ?? code;
  const province = [
    {
      kind: 'overseas_doctors' as const,
      name: '百名海外博士江苏行',
      region: '320000',
      organiser: '江苏省人力资源和社会保障厅',
      events: [
        { city: '南京市', place: '南京国际博览中心', mode: 'onsite' as const },
        { city: '苏州市', place: '苏州国际科技园', mode: 'onsite' as const },
        { city: '南京市', place: '江苏省人才服务云平台', mode: 'online' as const },
      ],
    },
    {
      kind: 'talent_month' as const,
      name: '江苏招才月专精特新企业专场',
      region: '320000',
      organiser: '江苏省人力资源和社会保障厅',
      events: [
        { city: '无锡市', place: '无锡人力资源市场', mode: 'onsite' as const },
        { city: '南京市', place: '就在江苏', mode: 'online' as const },
      ],
    },
  ];
  const fourDocking = ['320100', '320500', '320200'].map((code) => ({
    kind: 'four_docking' as const,
    name: `${city(code)}“四对接”校企人才对接会`,
    region: code,
    organiser: `${city(code)}人力资源和社会保障局`,
    events: [{ city: city(code), place: `${city(code)}大学生就业创业指导中心`, mode: 'onsite' as const }],
  }));
  const eastWest = [
    ['320100', '陕西省汉中市', '汉中市人力资源市场'],
    ['320300', '青海省西宁市', '西宁市人才市场'],
    ['320900', '陕西省西安市', '西安市曲江人力资源服务产业园'],
  ].map(([code, away, place]) => ({
    kind: 'east_west' as const,
    name: `${city(code!)}东西部劳务协作专精特新企业招聘对接`,
    region: code!,
    organiser: `${city(code!)}人力资源和社会保障局`,
    events: [
      { city: away!, place: place!, mode: 'onsite' as const },
      { city: city(code!), place: '苏心聘', mode: 'online' as const },
    ],
  }));
  return [...province, ...fourDocking, ...eastWest];
}

function pickWeighted(random: Random): string {
  const total = HOME_COUNTIES.reduce((n, [, w]) => n + w, 0);
  let roll = random.next() * total;
  for (const [code, weight] of HOME_COUNTIES) {
    roll -= weight;
    if (roll < 0) return code;
  }
  return HOME_COUNTIES[0]![0];
}

/** Writes the demo campaigns once (nothing when any campaign exists); returns how many. */
export async function loadDemoCampaigns(ctx: AppContext, seed: number): Promise<number> {
  if (await ctx.db.selectFrom('recruitment_campaigns').select('id').limit(1).executeTakeFirst()) return 0;
  const random = createRandom(seed ^ 0xca3a16);
  const now = ctx.clock().toISOString();
  const today = todayInShanghai(() => new Date(now));
  const thisYear = Number(today.slice(0, 4));
  const cities = await ctx.db.selectFrom('regions').select(['code', 'name']).where('level', '=', 'city').execute();
  const enterprises = await ctx.db.selectFrom('enterprises').select(['uscc', 'city_code']).execute();
  let written = 0;
  let serial = 0;
  await ctx.db.transaction().execute(async (trx) => {
    for (const year of [thisYear - 1, thisYear]) {
      for (const c of campaignsOf(cities)) {
        const seekers = random.int(300, 2000);
        const id = await repo.insertCampaign(trx, {
          kind: c.kind,
          name: `${year} 年${c.name}`,
          year,
          region_code: c.region,
          organiser: c.organiser,
          summary: '组织专精特新企业参加引才对接活动（演示数据）',
          enterprises: random.int(10, 80),
          postings: random.int(50, 600),
          seekers,
          intentions: Math.round(seekers * (0.08 + random.next() * 0.12)),
          created_by: null,
          created_at: now,
          updated_at: now,
        });
        const month = year === thisYear ? Math.max(1, Number(today.slice(5, 7)) - 1) : random.int(3, 10);
        await repo.replaceEvents(
          trx,
          id,
          c.events.map((e, i) => ({
            ...e,
            held_on: `${year}-${String(month).padStart(2, '0')}-${String(5 + i * 7).padStart(2, '0')}`,
          })),
        );
        written += 1;
        if (c.kind !== 'east_west') continue;
        const local = enterprises.filter((e) => e.city_code === c.region);
        if (local.length === 0) continue;
        const hires = random.int(15, 40);
        for (let i = 0; i < hires; i += 1) {
          serial += 1;
          const birth = `${random.int(1985, 2004)}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`;
          const idNumber = makeIdNumber(pickWeighted(random), birth, serial % 1000);
          await repo.insertHire(trx, {
            campaign_id: id,
            uscc: local[random.int(0, local.length - 1)]!.uscc,
            id_number_enc: ctx.cipher.encrypt(idNumber),
            id_number_index: ctx.cipher.blindIndex('id', idNumber),
            name_enc: ctx.cipher.encrypt(personName(random, random.chance(0.6) ? 'male' : 'female')),
            home_province_code: homeProvinceOf(idNumber)!.code,
            hired_on: `${year}-${String(month).padStart(2, '0')}-${String(random.int(10, 28)).padStart(2, '0')}`,
            created_by: null,
            created_at: now,
          });
        }
      }
    }
  });
  return written;
}
