import { Type } from '@sinclair/typebox';
import { PageQuery } from '../../platform/http/schemas.ts';
import { CompensationKindSchema, CompensationResultSchema } from './compensation.schemas.ts';

/** Request and response shapes of dispute cases. */

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const Enum = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));

export const DisputeKindSchema = Enum(['mediation', 'arbitration'] as const);
export const DisputeStageSchema = Enum(['accepted', 'mediating', 'arbitrating', 'closed'] as const);

export const DisputeFilterSchema = Type.Object({
  stage: Type.Optional(DisputeStageSchema),
  uscc: Type.Optional(Type.String({ pattern: '^[0-9A-Z]{18}$' })),
  alerts: Type.Optional(Type.Boolean({ description: 'true：只看尚未结案的集体劳动争议预警' })),
});
export const DisputeQuerySchema = Type.Composite([PageQuery, DisputeFilterSchema]);

const summaryFields = {
  id: Type.Integer(),
  caseNo: Type.String(),
  uscc: Type.String(),
  enterpriseName: Type.String(),
  regionCode: Type.String(),
  regionName: Nullable(Type.String()),
  kind: DisputeKindSchema,
  kindLabel: Type.String(),
  stage: DisputeStageSchema,
  stageLabel: Type.String(),
  isFastTrack: Type.Boolean(),
  receivedOn: Type.String(),
  deadline: Type.String(),
  fastTrackDue: Nullable(Type.String()),
  isOverdue: Type.Boolean(),
  workersCount: Type.Integer(),
  claimedFen: Type.Integer(),
  arrearsFen: Type.Integer(),
  alertReason: Nullable(Type.String()),
  alertRaisedAt: Nullable(Type.String()),
  closedOn: Nullable(Type.String()),
};
export const DisputeSummarySchema = Type.Object(summaryFields);

export const DisputeDetailSchema = Type.Object({
  ...summaryFields,
  isWhole: Type.Boolean(),
  isExtended: Type.Boolean(),
  claims: Type.String(),
  outcome: Nullable(Type.String()),
  parties: Type.Array(Type.Object({ name: Type.String(), idNumber: Nullable(Type.String()) })),
  deadlineSteps: Type.Array(Type.Object({ text: Type.String(), source: Type.String() })),
  provisionalYears: Type.Array(Type.Integer()),
  compensation: Nullable(
    Type.Composite([
      CompensationResultSchema,
      Type.Object({ calculated_at: Type.String(), calculated_by: Type.String() }),
    ]),
  ),
});

const Amount = Type.String({ pattern: '^\\d{1,10}(\\.\\d{1,2})?$', description: '元' });

export const DisputeBodySchema = Type.Object(
  {
    uscc: Type.String({ minLength: 18, maxLength: 18 }),
    kind: DisputeKindSchema,
    receivedOn: Type.String({ format: 'date', description: '受理日期' }),
    workersCount: Type.Integer({ minimum: 1, maximum: 100000, description: '涉及劳动者人数' }),
    claims: Type.String({ minLength: 1, maxLength: 4000, description: '请求事项和事实理由' }),
    claimedAmount: Amount,
    arrearsAmount: Type.Optional(Amount),
    parties: Type.Array(
      Type.Object({
        name: Type.String({ minLength: 1, maxLength: 40 }),
        idNumber: Type.Optional(Type.String({ maxLength: 20 })),
      }),
      { minItems: 1, maxItems: 200 },
    ),
  },
  { additionalProperties: false },
);

export const DisputeChangeSchema = Type.Object(
  {
    action: Enum(['start', 'extend', 'close'] as const),
    outcome: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);

export const DisputeCompensationBodySchema = Type.Object(
  {
    kind: CompensationKindSchema,
    wage: Type.String({ pattern: '^\\d{1,9}(\\.\\d{1,2})?$' }),
    from: Type.String({ format: 'date' }),
    to: Type.String({ format: 'date' }),
  },
  { additionalProperties: false },
);

export const SimilarDisputeSchema = Type.Object({
  id: Type.Integer(),
  caseNo: Type.String(),
  enterpriseName: Type.String(),
  stageLabel: Type.String(),
  receivedOn: Type.String(),
  claims: Type.String(),
  outcome: Nullable(Type.String()),
  score: Type.Number(),
  sharedTerms: Type.Array(Type.String()),
});
