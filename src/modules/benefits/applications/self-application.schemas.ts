import { Type } from '@sinclair/typebox';

/** TypeBox schemas of an enterprise's own application. */

export const SelfApplicationBody = Type.Object(
  {
    policy: Type.String({ minLength: 1, maxLength: 64, description: '政策代码（须为即申即享 application 政策）' }),
    period: Type.String({
      pattern: '^\\d{4}(\\d{2})?$',
      description: '期间 YYYY 或 YYYYMM，与该政策匹配批次的期间相同',
    }),
  },
  { additionalProperties: false },
);

export const SelfApplicationAnswer = Type.Object({
  case_id: Type.Integer(),
  is_new: Type.Boolean({ description: '本次新建的案件；false 为已有案件' }),
  run_id: Type.Union([Type.Integer(), Type.Null()], { description: '记录本次单企业匹配的批次；已有案件时为 null' }),
});
