import { Type } from '@sinclair/typebox';

/** Shapes of data-collection approvals, collections and the forms enterprises fill. */

export const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);
export const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });

export const Approval = Type.Object({
  id: Type.Integer(),
  title: Type.String(),
  office: Type.String({ description: '批准机关' }),
  approvalNumber: Type.String({ description: '批准文号' }),
  scope: Type.String(),
  sample: Type.String(),
  frequency: Type.String(),
  validFrom: Type.String(),
  validUntil: Type.String(),
  isValidToday: Type.Boolean(),
  createdAt: Type.String(),
});

export const ApprovalBody = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 200 }),
    office: Type.String({ minLength: 1, maxLength: 100 }),
    approvalNumber: Type.String({ minLength: 1, maxLength: 100 }),
    scope: Type.String({ minLength: 1, maxLength: 500 }),
    sample: Type.String({ minLength: 1, maxLength: 500 }),
    frequency: Type.String({ minLength: 1, maxLength: 50 }),
    validFrom: Type.String({ format: 'date' }),
    validUntil: Type.String({ format: 'date' }),
  },
  { additionalProperties: false },
);

const Kind = Type.Union([Type.Literal('form'), Type.Literal('shortage_survey')]);
const State = Type.Union([Type.Literal('draft'), Type.Literal('open'), Type.Literal('closed')]);

const collectionProperties = {
  id: Type.Integer(),
  kind: Kind,
  kindLabel: Type.String(),
  title: Type.String(),
  description: Type.String(),
  regionCode: Type.String(),
  regionName: Nullable(Type.String()),
  year: Type.Integer(),
  fields: Type.Array(Type.String()),
  state: State,
  stateLabel: Type.String(),
  deadline: Nullable(Type.String()),
  approvalId: Nullable(Type.Integer()),
  approvalNumber: Nullable(Type.String({ description: '统计调查批准文号' })),
  approvalOffice: Nullable(Type.String()),
  approvalValidFrom: Nullable(Type.String()),
  approvalValidUntil: Nullable(Type.String()),
  isApprovedToday: Type.Boolean({ description: '今天有有效的批准文号' }),
  approvalProblem: Nullable(Type.String({ description: '不能发出的原因' })),
  recipients: Type.Integer(),
  answered: Type.Integer(),
  createdAt: Type.String(),
  openedAt: Nullable(Type.String()),
};

export const Collection = Type.Object(collectionProperties);

export const CollectionBody = Type.Object(
  {
    kind: Kind,
    title: Type.String({ minLength: 1, maxLength: 200 }),
    description: Type.Optional(Type.String({ maxLength: 2000 })),
    approvalId: Type.Optional(Nullable(Type.Integer({ minimum: 1 }))),
    regionCode: Type.Optional(Type.String({ pattern: '^\\d{6}$' })),
    year: Type.Integer({ minimum: 2023, maximum: 2100 }),
    fields: Type.Optional(Type.Array(Type.String({ maxLength: 200 }), { maxItems: 50 })),
    deadline: Type.Optional(Nullable(Type.String({ format: 'date' }))),
  },
  { additionalProperties: false },
);

export const Form = Type.Object({
  ...collectionProperties,
  sentAt: Type.String(),
  answeredAt: Nullable(Type.String()),
  answers: Nullable(Type.Record(Type.String(), Type.String())),
});

export const Burden = Type.Object({
  year: Type.Integer(),
  enterprises: Type.Integer({ description: '收到调查的企业数' }),
  collections: Type.Integer({ description: '发出的调查数' }),
  sent: Type.Integer({ description: '发出份数' }),
  items: Type.Array(
    Type.Object({
      uscc: Type.String(),
      name: Type.String(),
      regionCode: Type.String(),
      regionName: Nullable(Type.String()),
      received: Type.Integer({ description: '本年收到的调查数' }),
      answered: Type.Integer(),
    }),
  ),
});
