import { Type } from '@sinclair/typebox';
import { PageQuery } from '../../platform/http/schemas.ts';

/** Request and response schemas of the reference and tools routes (OpenAPI reads them). */

const Text = Type.Optional(Type.String({ maxLength: 64, description: '按名称包含或代码前缀筛选' }));

export const RegionSchema = Type.Object({
  code: Type.String({ description: 'GB/T 2260 行政区划代码' }),
  name: Type.String(),
  level: Type.Union([Type.Literal('province'), Type.Literal('city'), Type.Literal('county')]),
  kind: Type.String({ description: 'province、city、district、county_city、county' }),
  cityCode: Type.Union([Type.String(), Type.Null()], { description: '所属设区市（县级才有）' }),
  isDirectlyAdministered: Type.Boolean({ description: '省直管县（市）：昆山、泰兴、沭阳' }),
});

export const RegionQuery = Type.Composite([
  PageQuery,
  Type.Object({
    q: Text,
    level: Type.Optional(Type.Union([Type.Literal('province'), Type.Literal('city'), Type.Literal('county')])),
    city: Type.Optional(Type.String({ pattern: '^\\d{6}$', description: '设区市代码：只列其下县级区划' })),
  }),
]);

export const IndustrySchema = Type.Object({
  code: Type.String({ description: '门类字母或两位大类代码' }),
  name: Type.String(),
  level: Type.Union([Type.Literal('section'), Type.Literal('division')]),
  section: Type.String(),
  isManufacturing: Type.Boolean({ description: '制造业：门类 C，大类 13–43' }),
});

export const IndustryQuery = Type.Composite([
  PageQuery,
  Type.Object({
    q: Text,
    level: Type.Optional(Type.Union([Type.Literal('section'), Type.Literal('division')])),
    section: Type.Optional(Type.String({ pattern: '^[A-Ta-t]$' })),
    manufacturing: Type.Optional(Type.Boolean()),
  }),
]);

export const OccupationSchema = Type.Object({
  code: Type.String({ description: '职业分类大典（2022 年版）编码，如 6-18-01-01' }),
  name: Type.String(),
  majorGroup: Type.String({ description: '大类 1–8' }),
  isDigital: Type.Boolean({ description: '数字职业（S）' }),
  isGreen: Type.Boolean({ description: '绿色职业（L）' }),
});

export const OccupationQuery = Type.Composite([
  PageQuery,
  Type.Object({
    q: Text,
    majorGroup: Type.Optional(Type.String({ pattern: '^[1-8]$' })),
    digital: Type.Optional(Type.Boolean()),
    green: Type.Optional(Type.Boolean()),
  }),
]);

export const CheckResult = Type.Object({
  valid: Type.Boolean(),
  reason: Type.Optional(Type.String({ description: '不通过的原因代码' })),
  message: Type.Optional(Type.String()),
  normalized: Type.Optional(Type.String({ description: '规范化后的输入；身份号码只给脱敏形式' })),
  regionCode: Type.Optional(Type.String({ description: '信用代码第 3–8 位登记管理机关行政区划码' })),
  override: Type.Optional(Type.Object({
    id: Type.Integer(),
    evidence: Type.Optional(Type.String({ description: '核验依据（仅工作人员可见）' })),
    recordedAt: Type.String(),
  }, { description: '校验未通过，但已登记的人工核验例外（导入时按例外接收）' })),
});

export const IsoDate = Type.String({ maxLength: 10, description: 'YYYY-MM-DD' });
