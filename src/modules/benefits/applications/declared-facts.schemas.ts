import { Type } from '@sinclair/typebox';
import { OutcomeSchema as Outcome } from '../../policy/policy.schemas.ts';
import { StateSchema } from '../benefits.schemas.ts';
import { CASE_STATUSES, ROW_STATUSES } from './declared-facts-rules.ts';

/** TypeBox schemas of 申报事实 on a benefit case. */

const NullableString = Type.Union([Type.String(), Type.Null()]);
const NullableInt = Type.Union([Type.Integer(), Type.Null()]);

export const DeclarationsBody = Type.Object({
  rows: Type.Array(
    Type.Object({
      key: Type.String({ minLength: 1, maxLength: 100, description: '行的主体（rows[].key，如 person:123）' }),
      values: Type.Record(Type.String({ pattern: '^[a-z][a-z0-9_]*$', maxLength: 64 }), Type.Unknown(), {
        maxProperties: 31,
        description:
          '事实 → 申报值：金额以元计（如 525 或 "525.00"），文本取政策列出的值，是非 true/false，日期 YYYY-MM-DD；null 撤回',
      }),
    }),
    { minItems: 1, maxItems: 1000 },
  ),
});

const Field = Type.Object({
  fact: Type.String(),
  label: Type.String(),
  type: Type.String(),
  unit: NullableString,
  values: Type.Union([Type.Array(Type.String()), Type.Null()], { description: '文本事实的取值清单' }),
  description: Type.String(),
  proved_by: Type.Array(Type.Object({ code: Type.String(), name: Type.String() }), {
    description: '证明该事实的申请材料',
  }),
});

const FactValue = Type.Object({
  name: Type.String(),
  label: Type.String(),
  value: Type.Unknown({ description: '金额以元计，日期 YYYY-MM-DD，是非 true/false；null 为缺失' }),
  text: NullableString,
  source: Type.Union([Type.Literal('data'), Type.Literal('declared'), Type.Literal('missing')], {
    description: 'data 数据取得；declared 企业申报；missing 缺失',
  }),
  declared_by: NullableString,
  declared_at: NullableString,
});

const Row = Type.Object({
  key: Type.String(),
  person: Type.Union([
    Type.Object({
      name: Type.String({ description: '姓名（脱敏）' }),
      id_number: Type.String({ description: '公民身份号码（脱敏，前 4 后 4）' }),
    }),
    Type.Null(),
  ]),
  describe: Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()]), {
    description: '该行是什么（如 hire_period 招用月份）',
  }),
  status: Type.Union(
    ROW_STATUSES.map((s) => Type.Literal(s)),
    { description: 'eligible | ineligible | needs_declaration 待申报 | undetermined 数据不足' },
  ),
  outcome: Outcome,
  amount_fen: NullableInt,
  is_declarable: Type.Boolean({ description: '企业可为该行申报' }),
  needs: Type.Array(Type.String(), { description: '该行还需申报的事实' }),
  facts: Type.Array(FactValue),
  explanation: Type.Array(Type.String()),
});

export const DeclarationsAnswer = Type.Object({
  case_id: Type.Integer(),
  policy: Type.String(),
  state: StateSchema,
  takes_declarations: Type.Boolean({ description: '该案件的政策是否接受企业申报事实' }),
  is_editable: Type.Boolean({ description: '企业现在能否修改申报（已匹配待确认或退回补正）' }),
  status: Type.Union(
    [...CASE_STATUSES, 'not_applicable' as const].map((s) => Type.Literal(s)),
    {
      description: 'awaiting_declaration 待申报 | eligible | ineligible | undetermined | not_applicable',
    },
  ),
  amount_fen: Type.Union([Type.Integer(), Type.Null()], { description: '全部确定且符合时的金额（分）' }),
  eligible_amount_fen: Type.Integer({ description: '已符合各行的合计（分）' }),
  summary: Type.Object({
    rows: Type.Integer(),
    eligible: Type.Integer(),
    ineligible: Type.Integer(),
    needs_declaration: Type.Integer(),
    undetermined: Type.Integer(),
  }),
  fields: Type.Array(Field),
  explanation: Type.Array(Type.String()),
  rows: Type.Array(Row),
});
