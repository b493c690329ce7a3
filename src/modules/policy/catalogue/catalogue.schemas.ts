import { Type } from '@sinclair/typebox';
import { ATTACHMENT_TYPES, DELIVERIES } from '../../../policies/delivery.ts';
import {
  IsoDate,
  RegionCode,
  Nullable,
  OutcomeSchema,
  NullableString,
  NullableInt,
  AnyValue,
  SourceSchema,
  QuestionSchema,
} from '../policy.schemas.ts';

/** Requests and answers of the catalogue's routes: policies, versions, parameter edits and test runs. */

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
