import { Type, type TSchema } from '@sinclair/typebox';
import { ATTACHMENT_TYPES, DELIVERIES } from '../../policies/delivery.ts';
import { OUTCOME, type Outcome } from '../../policies/outcome.ts';
import { VALUE_TYPES } from '../../policies/types.ts';

/**
 * Request and response schemas of the policy routes. Every answer is declared whole: Fastify drops
 * undeclared properties when it serialises, and the web's types are generated from these.
 */

export const CodeParams = Type.Object({
  code: Type.String({ pattern: '^[a-z][a-z0-9_]*$', maxLength: 64, description: '政策编码，如 stable_jobs_refund' }),
});

export const IsoDate = Type.String({
  pattern: '^\\d{4}-\\d{2}-\\d{2}$',
  description: '评估日期 YYYY-MM-DD，缺省为今天（北京时间）',
});
const RegionCode = Type.String({ pattern: '^\\d{6}$', description: '地区代码（GB/T 2260），缺省 320000 江苏省' });

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

/** eligible 符合 | ineligible 不符合 | undetermined 待定（数据不足）. */
export const OutcomeSchema = Type.Union(
  (Object.keys(OUTCOME) as Outcome[]).map((outcome) => Type.Literal(outcome)),
  { description: 'eligible 符合 | ineligible 不符合 | undetermined 待定（数据不足）' },
);

const NullableString = Nullable(Type.String());
const NullableInt = Nullable(Type.Integer());
const Money = Type.Integer({ description: '金额（分）' });

/** A value as the policy document writes it: "60%", 1500 (元), 12, "2025-12-31", a table of values, or null. */
const AnyValue = Type.Unknown();

/** 文号 and clause for everyone; whether it was read from a copy and the notes on it for officials only. */
export const SourceSchema = Type.Object({
  key: Type.String(),
  doc: Type.String({ description: '文号' }),
  clause: NullableString,
  issuer: NullableString,
  url: NullableString,
  secondary: Nullable(Type.Boolean({ description: '是否据转载资料登记（仅工作人员可见，其他用户为 null）' })),
  note: Nullable(Type.String({ description: '出处备注（仅工作人员）' })),
  source_quality: Nullable(Type.String({ description: '出处说明，如文号核对情况（仅工作人员可见）' })),
});

/** A fact as a question of the calculator's form. */
export const QuestionSchema = Type.Object({
  name: Type.String(),
  label: Type.String({ description: '中文名称' }),
  type: Type.Union(
    VALUE_TYPES.map((type) => Type.Literal(type)),
    { description: 'number 数值 | money 金额（元） | percent 百分比 | date 日期 | bool 是非 | text 文本' },
  ),
  unit: NullableString,
  description: Type.String(),
  values: Nullable(Type.Array(Type.String(), { description: '文本事实的可选值' })),
  declared_on_application: Type.Optional(Type.Boolean({ description: '申领时由企业申报（以所附材料为证）' })),
});

const FailedCondition = Nullable(Type.Object({ id: Type.String(), label: Type.String() }));
const Exceptions = Type.Array(Type.Object({ id: Type.String(), label: Type.String() }), {
  description: '适用的例外情形',
});
const Facts = Type.Record(Type.String(), AnyValue, {
  description: '所用事实（金额以元计，日期 YYYY-MM-DD，是非 true/false；null 为缺失）',
});
const Assumption = Type.Object({ name: Type.String(), label: Type.String(), value: AnyValue });

/** Counts and the eligible total of an enterprise's rows (hires, persons, certificates…). */
const RowTally = Type.Object({
  rows: Type.Integer(),
  eligible: Type.Integer(),
  ineligible: Type.Integer(),
  undetermined: Type.Integer(),
  eligible_amount_fen: Money,
});

/** One row of a per-person policy: who, what the row is (its `describe` fields), and its own result. */
const CalculationRow = Type.Object({
  key: Type.String(),
  person: Nullable(
    Type.Object({
      name: Nullable(Type.String({ description: '姓名' })),
      id_number: Nullable(Type.String({ description: '公民身份号码（脱敏）' })),
    }),
  ),
  hire_period: Type.Optional(Type.Integer({ description: '招用月份 YYYYMM' })),
  last_period: Type.Optional(Type.Integer({ description: '最近参保月份 YYYYMM' })),
  certificate_no: Type.Optional(Type.String({ description: '证书编号' })),
  occupation_code: Type.Optional(Type.String()),
  level: Type.Optional(Type.String({ description: '等级' })),
  issued_on: Type.Optional(Type.String({ description: '发证日期' })),
  year: Type.Optional(Type.Integer({ description: '年度' })),
  month: Type.Optional(Type.String({ description: '见习补贴月份' })),
  served_from: Type.Optional(Type.String({ description: '见习起始' })),
  served_to: Type.Optional(Type.String({ description: '见习截止' })),
  month_no: Type.Optional(Type.Integer({ description: '见习第几个月' })),
  outcome: OutcomeSchema,
  amount_fen: NullableInt,
  explanation: Type.Array(Type.String()),
  failed_condition: FailedCondition,
  missing_facts: Type.Array(QuestionSchema),
  exceptions: Exceptions,
  facts: Facts,
  provisional: Nullable(Type.Object({ outcome: OutcomeSchema, amount_fen: NullableInt })),
});

/** The calculator's answer (SPEC §5: the same object as `yangfan policy calc --json`). */
export const Calculation = Type.Object({
  outcome: OutcomeSchema,
  amount_fen: Type.Union([Type.Integer(), Type.Null()], { description: '金额（分）；仅 eligible 时有值' }),
  explanation: Type.Array(Type.String(), { description: '中文解释，含数字、公式与依据文号' }),
  version: Type.String({ description: '所用政策版本' }),
  policy: Type.String(),
  name: Type.String(),
  version_no: Type.Integer(),
  content_sha256: Type.String(),
  date: Type.String(),
  region: Type.String(),
  failed_condition: FailedCondition,
  missing_facts: Type.Array(QuestionSchema, { description: '缺少的数据（待回答的问题）' }),
  exceptions: Exceptions,
  sources: Type.Array(SourceSchema, { description: '所引政策依据' }),
});

/** A policy computed for an enterprise from its data, with every row for per-person policies. */
export const EnterpriseCalculation = Type.Composite([
  Calculation,
  Type.Object({
    uscc: Type.String(),
    enterprise_name: Type.String(),
    subject: Type.String({ description: '计算对象（企业、招用人员、证书……）' }),
    snapshot: Type.Record(Type.String(), Type.Integer(), { description: '所用数据：各导入类型的最近一次导入' }),
    facts: Nullable(Facts),
    provisional: Nullable(
      Type.Object(
        {
          assumptions: Type.Array(Assumption),
          outcome: OutcomeSchema,
          amount_fen: NullableInt,
          eligible_amount_fen: Type.Optional(Money),
          explanation: Type.Array(Type.String()),
        },
        { description: '若缺失的数据取假定值时的结果' },
      ),
    ),
    rows: Nullable(Type.Array(CalculationRow)),
    summary: Nullable(RowTally),
  }),
]);

/** The public calculator's answer: the result over typed-in facts, and the questions still open. */
export const PublicCalculation = Type.Composite([
  Calculation,
  Type.Object({
    facts: Facts,
    questions: Type.Array(QuestionSchema, { description: '仍需回答的问题' }),
    form: Type.Array(QuestionSchema, { description: '该政策表单的全部问题' }),
  }),
]);

const Valid = Type.Object({ from: Type.String(), to: Type.String() });
const Delivery = Type.Union(
  DELIVERIES.map((delivery) => Type.Literal(delivery)),
  { description: 'exempt 免申即享 | application 即申即享（提交材料）' },
);

/** A parameter change of an edit, as the edit gave it. */
const ParameterChange = Type.Object({
  parameter: Type.String(),
  from: Type.String(),
  to: Type.Optional(NullableString),
  region: Type.String(),
  value: Type.Optional(AnyValue),
  remove: Type.Optional(Type.Boolean()),
});

/** A version in the history; who edited it is shown to officials only. */
export const PolicyVersion = Type.Object({
  version_no: Type.Integer(),
  version: Type.String(),
  status: Type.Union([Type.Literal('active'), Type.Literal('refused')]),
  source: Type.Union([Type.Literal('file'), Type.Literal('edit')], { description: 'file 政策文件；edit 参数调整' }),
  content_sha256: Type.String(),
  created_at: Type.String(),
  created_by: NullableString,
  reason: NullableString,
  based_on: NullableInt,
  changes: Nullable(Type.Array(ParameterChange)),
  problems: Type.Array(Type.String(), { description: '加载检查发现的问题（被拒绝的版本）' }),
});

/** One line of the catalogue. */
export const CatalogueItem = Type.Object({
  code: Type.String(),
  name: Type.String(),
  citation: Type.String({ description: '文号与条款' }),
  legal_basis: Type.Array(SourceSchema),
  subject: Type.String(),
  scope: Type.Array(Type.String(), { description: '适用地区代码' }),
  valid: Valid,
  delivery: Nullable(Delivery),
  version: NullableString,
  version_no: NullableInt,
  content_sha256: NullableString,
  updated_at: Type.String(),
  refused_latest: Nullable(
    Type.Object(
      { version_no: Type.Integer(), problems: Type.Array(Type.String()) },
      { description: '最近一次被拒绝的文件或调整（仅供工作人员知悉）' },
    ),
  ),
});

const ParameterValue = Type.Object({
  from: Type.String(),
  to: NullableString,
  region: Type.String(),
  value: AnyValue,
  source: Nullable(SourceSchema),
});

/** One policy in detail: metadata, facts, parameters, conditions, amount and version history. */
export const PolicyDetail = Type.Object({
  code: Type.String(),
  name: Type.String(),
  version: Type.String(),
  version_no: Type.Integer(),
  content_sha256: Type.String(),
  summary: Type.String({ description: '政策概要' }),
  issuer: Type.String(),
  subject: Type.String(),
  scope: Type.Array(Type.String()),
  valid: Valid,
  citation: Type.String(),
  legal_basis: Type.Array(SourceSchema),
  sources: Type.Array(SourceSchema),
  facts: Type.Array(QuestionSchema),
  parameters: Type.Array(
    Type.Object({
      name: Type.String(),
      label: Type.String(),
      type: Type.String(),
      unit: NullableString,
      indexed_by: Type.Array(Type.String(), { description: '表格参数按哪些事实查表' }),
      ceiling: Nullable(Type.Object({ value: AnyValue, source: SourceSchema }, { description: '上限' })),
      values: Type.Array(ParameterValue),
    }),
  ),
  conditions: Type.Array(Type.Object({ id: Type.String(), label: Type.String(), basis: Type.Array(Type.String()) })),
  amount: Type.Object({ label: Type.String(), basis: Type.Array(Type.String()) }),
  delivery: Delivery,
  attachments: Type.Array(
    Type.Object({
      code: Type.String(),
      name: Type.String(),
      required: Type.Boolean(),
      types: Type.Array(Type.Union(ATTACHMENT_TYPES.map((type) => Type.Literal(type)))),
      max_bytes: Type.Integer(),
      description: Type.String(),
    }),
    { description: '即申即享政策所需的申请材料' },
  ),
  versions: Type.Array(PolicyVersion),
});

/** The YAML test cases of a version and how each went. */
export const TestRun = Type.Object({
  code: Type.String(),
  version: Type.String(),
  version_no: Type.Integer(),
  content_sha256: Type.String(),
  passed: Type.Integer(),
  failed: Type.Integer(),
  cases: Type.Array(
    Type.Object({
      name: Type.String(),
      passed: Type.Boolean(),
      differences: Type.Array(Type.String()),
      outcome: Nullable(OutcomeSchema),
      amount_fen: NullableInt,
    }),
  ),
});

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

export const CalcQuery = Type.Object({
  uscc: Type.String({ maxLength: 40, description: '统一社会信用代码' }),
  date: Type.Optional(IsoDate),
});

export const PublicCalcBody = Type.Object({
  facts: Type.Optional(
    Type.Record(Type.String(), Type.Unknown(), {
      description: '事实：金额以元计，百分比如 "3.2%"，日期 YYYY-MM-DD，是非 true/false',
    }),
  ),
  date: Type.Optional(IsoDate),
  region: Type.Optional(RegionCode),
});

export const ParameterEditBody = Type.Object(
  {
    reason: Type.String({ minLength: 2, maxLength: 500, description: '调整理由（必填）' }),
    changes: Type.Array(
      Type.Object(
        {
          parameter: Type.String({ maxLength: 64 }),
          from: IsoDate,
          to: Type.Optional(Type.Union([IsoDate, Type.Null()])),
          region: RegionCode,
          value: Type.Optional(
            Type.Unknown({ description: '按政策文件写法：百分比 "90%"，金额（元）1500，数值 12，表格 {…}' }),
          ),
          remove: Type.Optional(Type.Boolean({ description: '删除该地区该起始日的取值' })),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 50 },
    ),
    source: Type.Optional(
      Type.Object(
        {
          doc: Type.Optional(Type.String({ maxLength: 200, description: '依据文号' })),
          clause: Type.Optional(Type.String({ maxLength: 500 })),
          url: Type.Optional(Type.String({ maxLength: 500 })),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

export const TestBody = Type.Object(
  {
    version_no: Type.Optional(Type.Integer({ minimum: 1, description: '版本序号，缺省为现行版本' })),
  },
  { additionalProperties: false },
);

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
