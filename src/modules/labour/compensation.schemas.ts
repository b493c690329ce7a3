import { Type } from '@sinclair/typebox';

/** Request and response shapes of the compensation calculator and the average wages. */

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

export const CompensationKindSchema = Type.Union(
  [Type.Literal('severance'), Type.Literal('unlawful'), Type.Literal('notice')],
  {
    description: 'severance 经济补偿（第四十七条）；unlawful 违法解除赔偿金（第八十七条）；notice 代通知金（第四十条）',
  },
);

export const CompensationQuerySchema = Type.Object({
  kind: CompensationKindSchema,
  wage: Type.String({
    pattern: '^\\d{1,9}(\\.\\d{1,2})?$',
    description: '月工资（元）：经济补偿、赔偿金为解除前十二个月平均工资，代通知金为上一个月工资',
  }),
  from: Type.String({ format: 'date', description: '入职日期' }),
  to: Type.String({ format: 'date', description: '劳动合同解除或终止之日（最后工作日）' }),
  region: Type.Optional(Type.String({ pattern: '^\\d{6}$', description: '用人单位所在地区代码（核对三倍封顶）' })),
});

export const CompensationResultSchema = Type.Object({
  kind: CompensationKindSchema,
  amount_fen: Type.Integer(),
  months: Type.Number(),
  wage_basis_fen: Type.Integer(),
  tenure: Type.Object({ years: Type.Integer(), months: Type.Integer(), days: Type.Integer() }),
  is_capped: Type.Boolean(),
  is_cap_checked: Type.Boolean(),
  explanation: Type.Array(Type.String()),
  region: Nullable(Type.String()),
  average_wage: Nullable(
    Type.Object({
      regionCode: Type.String(),
      regionName: Type.String(),
      year: Type.Integer(),
      monthlyFen: Type.Integer(),
      source: Type.String(),
    }),
  ),
});

export const AverageWageSchema = Type.Object({
  regionCode: Type.String(),
  regionName: Type.String(),
  year: Type.Integer(),
  monthlyWageFen: Type.Integer(),
  source: Type.String(),
  loadedBy: Nullable(Type.String()),
  loadedAt: Type.String(),
});

export const AverageWageParamsSchema = Type.Object({
  region: Type.String({ pattern: '^\\d{6}$' }),
  year: Type.Integer({ minimum: 2000, maximum: 2100, description: '统计年度' }),
});

export const AverageWageBodySchema = Type.Object(
  {
    monthlyWage: Type.String({ pattern: '^\\d{1,7}(\\.\\d{1,2})?$', description: '月平均工资（元）' }),
    source: Type.String({ minLength: 4, maxLength: 300, description: '公布来源：文件或公告名称、发布机关、日期' }),
  },
  { additionalProperties: false },
);
