import { Type } from '@sinclair/typebox';
import { REQUEST_CATEGORIES } from './governance-parameters.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

export const RequestCategorySchema = Type.Union(
  REQUEST_CATEGORIES.map((c) => Type.Literal(c)),
  {
    description:
      '招聘用工 recruitment、社会保险 social_insurance、政策兑现 policy_delivery、劳动关系 labour_relations、培训与评价 training、人才引进 talent、其他 other',
  },
);
export const RequestStateSchema = Type.Union([
  Type.Literal('submitted'),
  Type.Literal('answered'),
  Type.Literal('reopened'),
  Type.Literal('closed'),
]);

export const RequestSchema = Type.Object({
  id: Type.Integer(),
  uscc: Type.String(),
  enterpriseName: Nullable(Type.String()),
  regionCode: Type.String(),
  regionName: Nullable(Type.String()),
  category: RequestCategorySchema,
  categoryLabel: Type.String(),
  text: Type.String(),
  state: RequestStateSchema,
  stateLabel: Type.String(),
  submittedAt: Type.String(),
  deadlineDate: Type.String({ description: '办理时限（工作日，国务院节假日安排）' }),
  isDeadlineProvisional: Type.Boolean({ description: '时限暂按周一至周五推算（所经年份节假日安排尚未录入）' }),
  isOverdue: Type.Boolean(),
  escalationLevel: Type.Integer({ description: '0 未提级，1 设区市，2 省厅' }),
  escalationLabel: Type.String(),
  escalatedAt: Nullable(Type.String()),
  commissionerId: Nullable(Type.Integer()),
  commissionerName: Nullable(Type.String()),
  resolution: Nullable(Type.String()),
  answeredAt: Nullable(Type.String()),
  rating: Nullable(Type.Integer()),
  ratingComment: Nullable(Type.String()),
  ratedAt: Nullable(Type.String()),
  reopenCount: Type.Integer(),
  reopenReason: Nullable(Type.String()),
  canReopen: Type.Boolean(),
});

export const RequestFileSchema = Type.Object({
  id: Type.Integer(),
  fileName: Type.String(),
  fileType: Type.String(),
  sizeBytes: Type.Integer(),
  uploadedAt: Type.String(),
});

export const RequestDetailSchema = Type.Composite([
  RequestSchema,
  Type.Object({ files: Type.Array(RequestFileSchema) }),
]);

const StatsRow = Type.Object({
  key: Type.String(),
  label: Type.String(),
  total: Type.Integer(),
  open: Type.Integer(),
  overdue: Type.Integer(),
  answered: Type.Integer(),
  onTime: Type.Integer(),
  onTimeRate: Nullable(Type.Number({ description: '按时答复率（0–1）' })),
  averageHandlingDays: Nullable(Type.Number({ description: '平均办理时长（天）' })),
  rated: Type.Integer(),
  averageRating: Nullable(Type.Number({ description: '平均满意度（1–5）' })),
});

export const RequestStatsSchema = Type.Object({
  overall: StatsRow,
  byCity: Type.Array(StatsRow),
  byCommissioner: Type.Array(StatsRow),
  byCategory: Type.Array(StatsRow),
});

export const ContactKindSchema = Type.Union([Type.Literal('visit'), Type.Literal('call'), Type.Literal('online')], {
  description: 'visit 上门走访、call 电话联系、online 线上联系',
});

export const ContactSchema = Type.Object({
  id: Type.Integer(),
  uscc: Type.String(),
  enterpriseName: Nullable(Type.String()),
  commissionerId: Type.Integer(),
  commissionerName: Nullable(Type.String()),
  kind: ContactKindSchema,
  kindLabel: Type.String(),
  contactDate: Type.String(),
  topic: Type.String(),
  outcome: Type.String(),
  followUpDate: Nullable(Type.String()),
  requestId: Nullable(Type.Integer()),
  createdAt: Type.String(),
});

export const WorkloadSchema = Type.Object({
  contactCap: Type.Integer({ description: '每户企业每月主动联系次数上限' }),
  contactCapSource: Type.String(),
  items: Type.Array(
    Type.Object({
      uscc: Type.String(),
      name: Type.String(),
      regionCode: Type.String(),
      openRequests: Type.Integer(),
      nextDeadline: Nullable(Type.String()),
      isOverdue: Type.Boolean(),
      openAlerts: Type.Integer(),
      contactsThisMonth: Type.Integer(),
      nextFollowUp: Nullable(Type.String()),
    }),
  ),
});
