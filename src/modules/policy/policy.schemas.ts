import { Type, type TSchema } from '@sinclair/typebox';
import { OUTCOME, type Outcome } from '../../policies/outcome.ts';
import { VALUE_TYPES } from '../../policies/types.ts';

/**
 * The schemas every policy room's routes share: policy code, dates, outcomes, sources, questions
 * and the parts of a result. Each room declares its own requests and answers (calculator/,
 * catalogue/, sandbox/ *.schemas.ts). Every answer is declared whole: Fastify drops undeclared
 * properties when it serialises, and the web's types are generated from these.
 */

export const CodeParams = Type.Object({
  code: Type.String({ pattern: '^[a-z][a-z0-9_]*$', maxLength: 64, description: '政策编码，如 stable_jobs_refund' }),
});

export const IsoDate = Type.String({
  pattern: '^\\d{4}-\\d{2}-\\d{2}$',
  description: '评估日期 YYYY-MM-DD，缺省为今天（北京时间）',
});
export const RegionCode = Type.String({
  pattern: '^\\d{6}$',
  description: '地区代码（GB/T 2260），缺省 320000 江苏省',
});

export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

/** eligible 符合 | ineligible 不符合 | undetermined 待定（数据不足）. */
export const OutcomeSchema = Type.Union(
  (Object.keys(OUTCOME) as Outcome[]).map((outcome) => Type.Literal(outcome)),
  { description: 'eligible 符合 | ineligible 不符合 | undetermined 待定（数据不足）' },
);

export const NullableString = Nullable(Type.String());
export const NullableInt = Nullable(Type.Integer());
export const Money = Type.Integer({ description: '金额（分）' });

/** A value as the policy document writes it: "60%", 1500 (元), 12, "2025-12-31", a table of values, or null. */
export const AnyValue = Type.Unknown();

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

export const FailedCondition = Nullable(Type.Object({ id: Type.String(), label: Type.String() }));
export const Exceptions = Type.Array(Type.Object({ id: Type.String(), label: Type.String() }), {
  description: '适用的例外情形',
});
export const Facts = Type.Record(Type.String(), AnyValue, {
  description: '所用事实（金额以元计，日期 YYYY-MM-DD，是非 true/false；null 为缺失）',
});
export const Assumption = Type.Object({ name: Type.String(), label: Type.String(), value: AnyValue });
