import { Type } from '@sinclair/typebox';
import { PageQuery } from '../../platform/http/schemas.ts';

/** Request and response schemas of the credit-code override register (OpenAPI reads them). */

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

export const UsccOverrideSchema = Type.Object({
  id: Type.Integer({ description: '例外编号' }),
  uscc: Type.String({ description: '统一社会信用代码（规范化后）' }),
  failureReason: Type.String({ description: '校验未通过的原因代码：USCC_ORG_CODE_CHECK 或 USCC_CHECK_CHAR' }),
  failureMessage: Type.String(),
  evidence: Type.String({ description: '核验依据，如营业执照核验情况、登记机关函号' }),
  recordedBy: Type.String(),
  recordedAt: Type.String(),
  isActive: Type.Boolean({ description: '是否生效（未撤销）' }),
  revokedBy: Nullable(Type.String()),
  revokedAt: Nullable(Type.String()),
  revokeReason: Nullable(Type.String()),
});

export const UsccOverrideQuery = Type.Composite([
  PageQuery,
  Type.Object({
    q: Type.Optional(Type.String({ maxLength: 100, description: '代码前缀或核验依据中的文字' })),
    status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('revoked')], { description: 'active 生效中；revoked 已撤销' })),
  }),
]);

export const NewUsccOverride = Type.Object({
  uscc: Type.String({ minLength: 1, maxLength: 40, description: '校验未通过的统一社会信用代码' }),
  evidence: Type.String({ minLength: 1, maxLength: 500, description: '核验依据：营业执照核验、登记机关函号等' }),
}, { additionalProperties: false });

export const RevokeUsccOverride = Type.Object({
  reason: Type.String({ minLength: 1, maxLength: 500, description: '撤销原因' }),
}, { additionalProperties: false });

export const UsccOverrideParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
