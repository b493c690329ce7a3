import { Type } from '@sinclair/typebox';
import {
  IsoDate,
  RegionCode,
  Nullable,
  OutcomeSchema,
  NullableInt,
  Money,
  SourceSchema,
  QuestionSchema,
  FailedCondition,
  Exceptions,
  Facts,
  Assumption,
} from '../policy.schemas.ts';

/** Requests and answers of the calculator's routes (SPEC §5). */

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
