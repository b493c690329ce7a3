import { Type } from '@sinclair/typebox';
import { IsoDate, RegionCode, OutcomeSchema, NullableString, Money, AnyValue, Assumption } from '../policy.schemas.ts';

/** Requests and answers of the sandbox's routes: a what-if run over the register and its stored results. */

/** Before → after of one slice of the sandbox's cost. */
const CostTotals = Type.Object({
  before_fen: Money,
  after_fen: Money,
  delta_fen: Money,
  before_eligible: Type.Integer(),
  after_eligible: Type.Integer(),
});
const CostSlice = Type.Composite([
  Type.Object({ key: Type.String(), name: Type.Optional(Type.String({ description: '地区名称（按地区时）' })) }),
  CostTotals,
]);
const OutcomeCounts = Type.Object({
  eligible: Type.Integer(),
  ineligible: Type.Integer(),
  undetermined: Type.Integer(),
});

/** What a sandbox run stored: the counts and the cost before and after, by unit, tier and industry. */
const SandboxSummary = Type.Object({
  enterprises: Type.Integer(),
  gainers: Type.Integer(),
  losers: Type.Integer(),
  changed: Type.Integer(),
  total: CostTotals,
  outcomes: Type.Object({ before: OutcomeCounts, after: OutcomeCounts }),
  by_unit: Type.Array(CostSlice),
  by_tier: Type.Array(CostSlice),
  by_industry: Type.Array(CostSlice),
  rows: Type.Optional(Type.Integer({ description: '计算的行数' })),
  assumptions: Type.Optional(Type.Array(Assumption)),
  timings_ms: Type.Optional(Type.Object({ facts: Type.Integer(), evaluate: Type.Integer() })),
});

const ScenarioChanges = Type.Record(
  Type.String(),
  Type.Array(
    Type.Object({ from: Type.String(), to: Type.Optional(Type.String()), region: Type.String(), value: AnyValue }),
  ),
  { description: '参数 → 假设取值' },
);

/** An enterprise whose result the sandbox's change moved. */
const SandboxEnterprise = Type.Object({
  uscc: Type.String(),
  name: Type.String(),
  city_code: Type.String(),
  tier: Type.String(),
  industry_category: Type.String(),
  before_outcome: OutcomeSchema,
  before_fen: Money,
  after_outcome: OutcomeSchema,
  after_fen: Money,
  delta_fen: Money,
});

/** One stored sandbox run: its summary and a page of the enterprises it changed. */
export const SandboxRun = Type.Object({
  id: Type.Integer(),
  code: Type.String(),
  policy_version_id: Type.Integer(),
  date: Type.String(),
  changes: ScenarioChanges,
  note: NullableString,
  snapshot: Type.Record(Type.String(), Type.Integer()),
  created_by: NullableString,
  created_at: Type.String(),
  summary: SandboxSummary,
  items: Type.Array(SandboxEnterprise),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});

/** A stored run in the list of a policy's runs. */
export const SandboxRunItem = Type.Object({
  id: Type.Integer(),
  code: Type.String(),
  date: Type.String(),
  changes: ScenarioChanges,
  note: NullableString,
  created_by: NullableString,
  created_at: Type.String(),
  total: CostTotals,
  gainers: Type.Integer(),
  losers: Type.Integer(),
});

const ScenarioEntry = Type.Object(
  {
    from: IsoDate,
    to: Type.Optional(IsoDate),
    region: RegionCode,
    value: Type.Unknown(),
  },
  { additionalProperties: false },
);

export const SandboxBody = Type.Object(
  {
    date: Type.Optional(IsoDate),
    changes: Type.Record(Type.String(), Type.Array(ScenarioEntry, { minItems: 1 }), {
      description: '参数 → 假设取值，如 {"refund_rate_sme":[{"from":"2025-01-01","region":"320000","value":"90%"}]}',
    }),
    note: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);

export const SandboxQuery = Type.Object({
  direction: Type.Optional(
    Type.Union([Type.Literal('gain'), Type.Literal('loss'), Type.Literal('all')], {
      description: '获益、受损或全部变化企业',
    }),
  ),
  page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 20 })),
});
