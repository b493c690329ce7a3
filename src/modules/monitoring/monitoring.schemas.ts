import { Type, type TSchema } from '@sinclair/typebox';
import { TierSchema } from '../enterprises/enterprises.schemas.ts';

/** Request and response schemas of the monitoring routes (OpenAPI reads them). */

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const Months = Nullable(
  Type.Object(
    { from: Type.Integer(), to: Type.Integer() },
    { description: '报告期内有数据的首末月份 YYYYMM；无数据时为 null' },
  ),
);

export const IndicatorQuerySchema = Type.Object({
  period: Type.Optional(
    Type.String({
      pattern: '^(\\d{6}|\\d{4}|\\d{4}[Qq][1-4]|plan)$',
      description: '期间：YYYYMM 月、YYYYQn 季度、YYYY 年或 plan（计划期累计，默认）',
    }),
  ),
  region: Type.Optional(
    Type.String({
      pattern: '^\\d{6}$',
      description: '地区代码：设区市含其下全部县（市、区）（含昆山、泰兴、沭阳）；缺省为全省或本人辖区',
    }),
  ),
  tier: Type.Optional(TierSchema),
  industry: Type.Optional(
    Type.String({
      pattern: '^(manufacturing|[A-Ta-t]|\\d{2})$',
      description: 'manufacturing（制造业）、两位大类代码或门类字母',
    }),
  ),
});

export const IndicatorValueSchema = Type.Object({
  label: Type.String(),
  unit: Type.String(),
  kind: Type.String({ description: 'stock 时点；flow 期间合计；cumulative 计划期累计；share 比例；external 待建模块' }),
  definition: Type.String({ description: '口径说明（界面悬停显示）' }),
  available: Type.Boolean({ description: 'false 表示来源模块尚未建设，显示“暂无数据”' }),
  actual: Nullable(Type.Number()),
  target: Type.Optional(Type.Number()),
  target_basis: Type.Optional(Type.String()),
  target_source: Type.Optional(Type.String()),
  progress: Type.Optional(Nullable(Type.Number({ description: '实际 ÷ 目标' }))),
  expected_progress: Type.Optional(Type.Number({ description: '时序进度：已过时间占目标期限的比例' })),
  period_actual: Type.Optional(Nullable(Type.Integer({ description: '报告期内首次吸纳人数' }))),
  breakdown: Type.Optional(
    Type.Array(Type.Object({ reason: Type.String(), label: Type.String(), count: Type.Integer() })),
  ),
  source: Type.Optional(Type.String()),
});

export const ReadSourceSchema = Type.Object({
  source: Type.Union([Type.Literal('primary'), Type.Literal('replica')], {
    description: 'replica 只读副本；primary 主库',
  }),
  lag_seconds: Nullable(Type.Number({ description: '只读副本落后主库的秒数；未配置或连不上时为空' })),
  max_lag_seconds: Nullable(Type.Number({ description: '允许的最大延迟（秒），超过即改读主库' })),
  fallback: Nullable(
    Type.Union([Type.Literal('lagging'), Type.Literal('unreachable')], {
      description: '已配置只读副本却读主库的原因：lagging 延迟超限；unreachable 连不上',
    }),
  ),
});

export const KpiReportSchema = Type.Object({
  period: Type.String(),
  region: Type.String(),
  region_name: Type.String(),
  scope: Type.String({ description: 'province 全省；region 本地区；assigned 分配企业' }),
  filters: Type.Object({ tier: Nullable(Type.String()), industry: Nullable(Type.String()) }),
  months: Months,
  report_date: Nullable(Type.String()),
  data_through: Nullable(Type.Integer({ description: '数据截至月份' })),
  refreshed_at: Nullable(Type.String({ description: '监测汇总最近刷新时间' })),
  indicators: Type.Record(Type.String(), IndicatorValueSchema),
});

export const TrendSchema = Type.Object({
  region: Type.String(),
  periods: Type.Array(Type.Integer()),
  series: Type.Record(Type.String(), Type.Array(Nullable(Type.Number()))),
});

const SkillsFigures = {
  training_person_times: Type.Integer({ description: '补贴性职业技能培训（人次）' }),
  training_manufacturing_person_times: Type.Integer({ description: '其中制造业（人次）' }),
  training_digital_person_times: Type.Integer({ description: '其中数字类（人次）' }),
};

export const SkillsTabSchema = Type.Object({
  region: Type.String(),
  region_name: Type.String(),
  available: Type.Boolean({ description: '按层级、行业或服务专员查看时为 false（与 /kpi 一致，暂无数据）' }),
  window: Nullable(Type.Object({ from: Type.Integer(), to: Type.Integer() })),
  months: Type.Array(Type.Object({ period: Type.Integer(), ...SkillsFigures }), {
    description: '计划期内各月结业的培训人次（按结业月份），各月之和等于 /kpi 的计划期累计',
  }),
  cities: Type.Array(
    Type.Object({
      code: Type.String(),
      name: Type.String(),
      ...SkillsFigures,
      demonstration_internship_bases: Type.Integer({ description: '省级示范见习基地（家）' }),
    }),
    { description: '按设区市：各市之和等于 /kpi 的对应指标' },
  ),
});

export const RankingQuerySchema = Type.Composite([
  IndicatorQuerySchema,
  Type.Object({ indicator: Type.String({ maxLength: 64, description: '指标键，如 absorbed_insured' }) }),
]);

export const RankingSchema = Type.Object({
  indicator: Type.String(),
  label: Type.String(),
  unit: Type.String(),
  available: Type.Boolean(),
  period: Type.String(),
  region: Type.String(),
  region_name: Type.String(),
  months: Months,
  peer_group: Nullable(
    Type.Object(
      { code: Type.String(), name: Type.String() },
      { description: '县级视图：同一设区市的各县（市、区）对比（如昆山 → 苏州市）' },
    ),
  ),
  rows: Type.Array(
    Type.Object({
      code: Type.String(),
      name: Type.String(),
      kind: Type.String({ description: 'city 设区市；county 县（市、区）' }),
      isDirectlyAdministered: Type.Boolean(),
      cityCode: Nullable(Type.String()),
      value: Nullable(Type.Number()),
      rank: Nullable(Type.Integer()),
      wholeCityValue: Type.Optional(Nullable(Type.Number({ description: '含省直管县（市）的全市数值（地图着色用）' }))),
    }),
  ),
});

export const IndicatorCatalogSchema = Type.Array(
  Type.Object({
    key: Type.String(),
    label: Type.String(),
    unit: Type.String(),
    kind: Type.String(),
    definition: Type.String(),
    source: Type.Optional(Type.String()),
  }),
);

export const RegionDrilldownSchema = Type.Object({
  region: Type.Object({ code: Type.String(), name: Type.String(), level: Type.String() }),
  period: Type.String(),
  months: Months,
  children: Type.Array(
    Type.Object({
      code: Type.String(),
      name: Type.String(),
      isDirectlyAdministered: Type.Boolean(),
      values: Type.Record(Type.String(), Nullable(Type.Number())),
    }),
  ),
  enterprises: Type.Object({
    items: Type.Array(
      Type.Object({
        uscc: Type.String(),
        name: Type.String(),
        regionCode: Type.String(),
        regionName: Nullable(Type.String()),
        tier: Nullable(Type.String()),
        tierLabel: Nullable(Type.String()),
        insured: Type.Integer(),
        hires: Type.Integer(),
        separations: Type.Integer(),
        absorbed: Type.Integer(),
        policiesEnjoyed: Type.Integer({ description: '报告期内拨付到账的补贴案件数' }),
        policiesEnjoyedFen: Type.Integer({ description: '报告期内拨付到账的补贴金额（分）' }),
        openAlerts: Type.Integer(),
      }),
    ),
    total: Type.Integer(),
    page: Type.Integer(),
    pageSize: Type.Integer(),
  }),
});

export const EnterpriseSeriesSchema = Type.Object({
  enterprise: Type.Object({
    uscc: Type.String(),
    name: Type.String(),
    tier: Type.String(),
    tierLabel: Type.String(),
    regionCode: Type.String(),
    regionName: Nullable(Type.String()),
    validUntil: Type.String(),
    validityStatus: Type.String(),
  }),
  months: Type.Array(
    Type.Object({
      period: Type.Integer(),
      isMonitored: Type.Boolean(),
      tier: Nullable(Type.String()),
      hasRoster: Type.Boolean(),
      insured: Type.Integer(),
      hires: Type.Integer(),
      separations: Type.Integer(),
      separationsByReason: Type.Record(Type.String(), Type.Integer()),
      layoffSeparations: Type.Integer(),
      absorbed: Type.Integer(),
      hasContributions: Type.Boolean(),
      contributionsFen: Type.Integer({ description: '缴费合计（分）' }),
      reportedInsured: Nullable(Type.Integer()),
      composition: Type.Object({ graduates: Type.Integer(), highSkill: Type.Integer(), seniorTitle: Type.Integer() }),
    }),
  ),
});

export const RefreshSummarySchema = Type.Object({
  rangeFrom: Type.Integer(),
  rangeTo: Type.Integer(),
  dataThrough: Nullable(Type.Integer()),
  periods: Nullable(Type.Array(Type.Integer())),
  statsRows: Type.Integer(),
  absorbedPersons: Type.Integer(),
  alertsCreated: Type.Integer(),
  seconds: Type.Number(),
});
