import { Type } from '@sinclair/typebox';
import { PageQuery } from '../../platform/http/schemas.ts';
import { SIZES, TIERS } from './enterprise-vocabulary.ts';

/** Request and response schemas of the register routes (OpenAPI reads them). */

export const TierSchema = Type.Union(
  TIERS.map((t) => Type.Literal(t)),
  { description: 'innovative 创新型中小企业；srdi 专精特新中小企业；little_giant 专精特新“小巨人”企业' },
);
export const SizeSchema = Type.Union(
  SIZES.map((s) => Type.Literal(s)),
  { description: 'large 大型；medium 中型；small 小型；micro 微型' },
);
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

export const RegisterQuerySchema = Type.Object({
  region: Type.Optional(Type.String({ pattern: '^\\d{6}$', description: '地区代码：设区市含其下全部县（市、区）' })),
  tier: Type.Optional(TierSchema),
  industry: Type.Optional(
    Type.String({
      pattern: '^(manufacturing|[A-Ta-t]|\\d{2})$',
      description: '两位大类代码、门类字母或 manufacturing（制造业 C 门类）',
    }),
  ),
  size: Type.Optional(SizeSchema),
  validOn: Type.Optional(
    Type.String({
      pattern: '^\\d{4}-\\d{2}-\\d{2}$',
      description: '只列该日持有有效认定的企业（监测范围）；与 tier 同用时按当日所持梯度',
    }),
  ),
  q: Type.Optional(Type.String({ maxLength: 100, description: '企业名称包含或统一社会信用代码前缀' })),
});

export const RegisterListQuery = Type.Composite([PageQuery, RegisterQuerySchema]);

export const UsccParams = Type.Object({
  uscc: Type.String({ minLength: 1, maxLength: 40, description: '统一社会信用代码' }),
});

export const ValiditySchema = Type.Object({
  status: Type.Union([
    Type.Literal('not_yet_valid'),
    Type.Literal('valid'),
    Type.Literal('expiring'),
    Type.Literal('expired'),
  ]),
  daysLeft: Type.Integer({ description: '距有效期最后一日的天数，过期为负' }),
  warningDays: Type.Integer({ description: '到期预警天数（reference/monitoring/alerts.json）' }),
});

export const EnterpriseListItemSchema = Type.Object({
  uscc: Type.String(),
  name: Type.String(),
  tier: TierSchema,
  tierLabel: Type.String(),
  recognizedOn: Type.String(),
  validUntil: Type.String(),
  validity: ValiditySchema,
  regionCode: Type.String(),
  regionName: Nullable(Type.String()),
  cityCode: Type.String(),
  cityName: Nullable(Type.String()),
  industryCode: Nullable(Type.String()),
  industryName: Nullable(Type.String()),
  size: Nullable(SizeSchema),
  sizeLabel: Nullable(Type.String()),
});

export const RecognitionSchema = Type.Object({
  tier: TierSchema,
  tierLabel: Type.String(),
  recognizedOn: Type.String(),
  validUntil: Type.String(),
  recordedAt: Type.String(),
  source: Type.String({ description: 'import:<导入编号>、exchange:<幂等键> 等' }),
});

export const EnterpriseDetailSchema = Type.Composite([
  EnterpriseListItemSchema,
  Type.Object({
    contactName: Nullable(Type.String()),
    contactPhone: Nullable(Type.String({ description: '脱敏后的联系电话' })),
    recognitions: Type.Array(RecognitionSchema),
    keyEnterprise: Nullable(
      Type.Object({
        regionCode: Type.String(),
        commissionerId: Nullable(Type.Integer()),
        commissionerName: Nullable(Type.String()),
      }),
    ),
    usccOverride: Nullable(
      Type.Object(
        { id: Type.Integer(), isActive: Type.Boolean() },
        { description: '信用代码校验未通过、按人工核验例外接收时的例外编号及是否仍生效' },
      ),
    ),
    createdAt: Type.String(),
    updatedAt: Type.String(),
  }),
]);
