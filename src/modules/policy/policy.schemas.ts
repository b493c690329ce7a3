import { Type, type TSchema } from '@sinclair/typebox';

/**
 * Request and response schemas of the policy routes. Responses list their main fields and allow
 * the rest (rows, facts, summaries) through as they are; the OpenAPI page describes each field.
 */

const open = { additionalProperties: true } as const;

export const CodeParams = Type.Object({
  code: Type.String({ pattern: '^[a-z][a-z0-9_]*$', maxLength: 64, description: '政策编码，如 stable_jobs_refund' }),
});

export const IsoDate = Type.String({
  pattern: '^\\d{4}-\\d{2}-\\d{2}$',
  description: '评估日期 YYYY-MM-DD，缺省为今天（北京时间）',
});
const RegionCode = Type.String({ pattern: '^\\d{6}$', description: '地区代码（GB/T 2260），缺省 320000 江苏省' });

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

const Question = Type.Object(
  {
    name: Type.String(),
    label: Type.String({ description: '中文名称' }),
    type: Type.String(),
    unit: Nullable(Type.String()),
    description: Type.String(),
    values: Nullable(Type.Array(Type.String())),
    declared_on_application: Type.Optional(Type.Boolean({ description: '申领时由企业申报（以所附材料为证）' })),
  },
  open,
);

/** The calculator's answer (SPEC §5: the same object as `yangfan policy calc --json`). */
export const Calculation = Type.Object(
  {
    outcome: Type.Union([Type.Literal('eligible'), Type.Literal('ineligible'), Type.Literal('undetermined')]),
    amount_fen: Type.Union([Type.Integer(), Type.Null()], { description: '金额（分）；仅 eligible 时有值' }),
    explanation: Type.Array(Type.String(), { description: '中文解释，含数字、公式与依据文号' }),
    version: Type.String({ description: '所用政策版本' }),
    policy: Type.String(),
    name: Type.String(),
    version_no: Type.Integer(),
    content_sha256: Type.String(),
    date: Type.String(),
    region: Type.String(),
    failed_condition: Nullable(Type.Object({ id: Type.String(), label: Type.String() })),
    missing_facts: Type.Array(Question, { description: '缺少的数据（待回答的问题）' }),
    sources: Type.Optional(
      Type.Array(
        Type.Object({
          key: Type.String(),
          doc: Type.String({ description: '文号' }),
          clause: Nullable(Type.String()),
          issuer: Nullable(Type.String()),
          url: Nullable(Type.String()),
          secondary: Nullable(Type.Boolean({ description: '是否据转载资料登记（仅工作人员可见，其他用户为 null）' })),
          note: Nullable(Type.String({ description: '出处备注（仅工作人员）' })),
          source_quality: Nullable(Type.String({ description: '出处说明，如文号核对情况（仅工作人员可见）' })),
        }),
        { description: '所引政策依据' },
      ),
    ),
  },
  open,
);

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

export const OpenObject = Type.Object({}, open);
