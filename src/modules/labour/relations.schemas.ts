import { Type } from '@sinclair/typebox';
import { PageQuery } from '../../platform/http/schemas.ts';

/** Request and response shapes of 柔性执法, 劳动关系体检 and 和谐劳动关系创建. */

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const Enum = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));

export const OutcomeSchema = Enum(['reminder', 'normal'] as const);
export const ViolationFilterSchema = Type.Object({
  uscc: Type.Optional(Type.String({ pattern: '^[0-9A-Z]{18}$' })),
  outcome: Type.Optional(OutcomeSchema),
});
export const ViolationQuerySchema = Type.Composite([PageQuery, ViolationFilterSchema]);

export const ViolationSchema = Type.Object({
  id: Type.Integer(),
  uscc: Type.String(),
  enterpriseName: Type.String(),
  regionCode: Type.String(),
  regionName: Nullable(Type.String()),
  itemCode: Nullable(Type.String()),
  itemTitle: Nullable(Type.String()),
  description: Type.String(),
  foundOn: Type.String(),
  outcome: OutcomeSchema,
  outcomeLabel: Type.String(),
  reason: Type.String(),
  listVersion: Type.String(),
  recordedAt: Type.String(),
});

export const ViolationBodySchema = Type.Object(
  {
    uscc: Type.String({ minLength: 18, maxLength: 18 }),
    itemCode: Type.Optional(Nullable(Type.String({ maxLength: 10, description: '免罚清单条目编号；不在清单内留空' }))),
    description: Type.String({ minLength: 1, maxLength: 2000 }),
    foundOn: Type.String({ format: 'date' }),
  },
  { additionalProperties: false },
);

export const LenientListSchema = Type.Object({
  version: Type.String(),
  title: Type.String(),
  source: Type.String(),
  is_confirmed: Type.Boolean(),
  lookback_years: Type.Object({ value: Type.Integer(), source: Type.String() }),
  items: Type.Array(
    Type.Object({
      code: Type.String(),
      title: Type.String(),
      basis: Type.String(),
      condition: Type.String(),
      confirmed: Type.Boolean(),
    }),
  ),
});

const AnswerSchema = Enum(['yes', 'partly', 'no'] as const);

export const QuestionnaireSchema = Type.Object({
  version: Type.String(),
  title: Type.String(),
  effective_from: Type.String(),
  source: Type.String(),
  areas: Type.Array(
    Type.Object({
      code: Type.String(),
      title: Type.String(),
      questions: Type.Array(
        Type.Object({
          code: Type.String(),
          text: Type.String(),
          weight: Type.Number(),
          advice: Type.String(),
          basis: Type.String(),
        }),
      ),
    }),
  ),
});

const diagnosisFields = {
  id: Type.Integer(),
  uscc: Type.String(),
  version: Type.String(),
  total: Type.Integer(),
  isAtRisk: Type.Boolean(),
  submittedAt: Type.String(),
  areas: Type.Array(
    Type.Object({
      code: Type.String(),
      title: Type.String(),
      score: Type.Integer(),
      isAtRisk: Type.Boolean(),
      advice: Type.Array(
        Type.Object({ question: Type.String(), answer: AnswerSchema, advice: Type.String(), basis: Type.String() }),
      ),
    }),
  ),
};
export const DiagnosisSchema = Type.Object(diagnosisFields);

export const DiagnosisBodySchema = Type.Object(
  { answers: Type.Record(Type.String({ pattern: '^[A-Z]\\d{1,2}$' }), AnswerSchema) },
  { additionalProperties: false },
);

export const DiagnosisResultsQuerySchema = Type.Composite([
  PageQuery,
  Type.Object({ atRisk: Type.Optional(Type.Boolean()) }),
]);

export const DiagnosisResultsSchema = Type.Object({
  items: Type.Array(
    Type.Object({
      ...diagnosisFields,
      enterpriseName: Type.String(),
      regionCode: Type.String(),
      regionName: Nullable(Type.String()),
    }),
  ),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  regions: Type.Array(
    Type.Object({
      regionCode: Type.String(),
      regionName: Nullable(Type.String()),
      enterprises: Type.Integer(),
      averageScore: Type.Integer(),
      atRisk: Type.Integer(),
    }),
  ),
});

export const HarmonyStateSchema = Enum(['submitted', 'approved', 'rejected'] as const);
export const HarmonyApplicationSchema = Type.Object({
  id: Type.Integer(),
  uscc: Type.String(),
  enterpriseName: Type.String(),
  regionCode: Type.String(),
  year: Type.Integer(),
  statement: Type.String(),
  state: HarmonyStateSchema,
  stateLabel: Type.String(),
  reviewNote: Nullable(Type.String()),
  reviewedAt: Nullable(Type.String()),
  createdAt: Type.String(),
});
export const HarmonyBodySchema = Type.Object(
  { statement: Type.String({ minLength: 1, maxLength: 4000 }) },
  { additionalProperties: false },
);
export const HarmonyReviewSchema = Type.Object(
  { approve: Type.Boolean(), note: Type.String({ maxLength: 1000 }) },
  { additionalProperties: false },
);
