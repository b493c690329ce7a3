import type { AppContext } from '../../../app-context.ts';
import { appendAudit } from '../../../platform/audit/audit.ts';
import type { Actor, CurrentUser } from '../../../platform/auth/current-user.ts';
import { beijingMinute, exportWorkbook } from '../../../platform/http/excel-export.ts';
import { todayInShanghai } from '../../../platform/iso-date.ts';
import * as repo from './campaigns.repository.ts';
import { CAMPAIGN_KIND_NAMES, campaignScopeOf } from './campaigns.service.ts';
import type { CampaignKind } from './campaigns.table.ts';
import { provincesByCode } from './home-province.ts';

/**
 * The 东西部劳务协作 report: hires through campaigns by the hired people's home provinces (the ID
 * number's first two digits), over the campaigns an official sees — one campaign, a year, a kind.
 * Counts only; no person is named.
 */
export interface OriginReportQuery {
  year?: number;
  kind?: CampaignKind;
  campaignId?: number;
}

export async function originReport(ctx: AppContext, user: CurrentUser, query: OriginReportQuery) {
  const provinces = provincesByCode();
  const rows = (await repo.hiresByHomeProvince(ctx.db, campaignScopeOf(user), query)).map((r) => {
    const province = provinces.get(r.home_province_code);
    return {
      provinceCode: r.home_province_code,
      provinceName: province?.name ?? r.home_province_code,
      western: province?.western ?? false,
      hires: Number(r.hires),
      enterprises: Number(r.enterprises),
    };
  });
  const total = rows.reduce((n, r) => n + r.hires, 0);
  const outside = rows.filter((r) => r.provinceCode !== '320000').reduce((n, r) => n + r.hires, 0);
  const western = rows.filter((r) => r.western).reduce((n, r) => n + r.hires, 0);
  return { rows, totals: { hires: total, fromOtherProvinces: outside, fromWesternProvinces: western } };
}

const COLUMNS = [
  { header: '户籍省份', key: 'province', width: 20 },
  { header: '西部地区', key: 'western', width: 10 },
  { header: '录用人数', key: 'hires', width: 10 },
  { header: '录用企业数', key: 'enterprises', width: 12 },
];

/** The origin report as an Excel file; the export is audited. */
export async function exportOriginReport(
  ctx: AppContext,
  actor: Actor & { user: CurrentUser },
  query: OriginReportQuery,
) {
  const report = await originReport(ctx, actor.user, query);
  await appendAudit(
    ctx.db,
    ctx.dialect,
    actor,
    {
      action: 'recruitment_campaign.export',
      outcome: 'success',
      objectType: 'recruitment_campaign',
      details: { query },
    },
    ctx.clock(),
  );
  const rows = report.rows.map((r) => ({
    province: r.provinceName,
    western: r.western ? '是' : '',
    hires: r.hires,
    enterprises: r.enterprises,
  }));
  rows.push({ province: '合计', western: '', hires: report.totals.hires, enterprises: 0 });
  const content = await exportWorkbook(
    [{ name: '录用人员户籍省份', columns: COLUMNS, rows }],
    [
      [
        '范围',
        [query.year ? `${query.year} 年` : '全部年度', query.kind ? CAMPAIGN_KIND_NAMES[query.kind] : '全部活动'].join(
          '，',
        ),
      ],
      ['省外录用', report.totals.fromOtherProvinces],
      ['其中西部地区', report.totals.fromWesternProvinces],
      ['导出时间', beijingMinute(ctx.clock().toISOString())!],
      ['导出人', actor.user.displayName],
    ],
  );
  return { fileName: `引才活动录用人员户籍省份_${todayInShanghai(ctx.clock)}.xlsx`, content };
}
