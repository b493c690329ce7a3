import { Type } from '@sinclair/typebox';
import { ROLES } from '../../platform/roles.ts';

export const RoleSchema = Type.Union(ROLES.map((r) => Type.Literal(r)));

export const MeSchema = Type.Object({
  id: Type.Integer(),
  username: Type.String(),
  displayName: Type.String(),
  role: RoleSchema,
  roleLabel: Type.String(),
  regionCode: Type.Union([Type.String(), Type.Null()]),
  regionName: Type.Union([Type.String(), Type.Null()]),
  uscc: Type.Union([Type.String(), Type.Null()]),
  canViewPersonal: Type.Boolean({ description: '是否有权查看完整个人信息（每次查看均审计）' }),
  scope: Type.String({ description: '数据范围：province / region / assigned / own_enterprise / self' }),
  scopeLabel: Type.String(),
  mustChangePassword: Type.Boolean({ description: '须先修改密码（密码被重置或仍为初始密码）' }),
  hasTotp: Type.Boolean({ description: '该账号使用动态验证码（修改密码时须输入）' }),
});

export const UserSchema = Type.Object({
  id: Type.Integer(),
  username: Type.String(),
  loginName: Type.String({
    description: '登录名的显示形式：求职者为注册手机号或邮箱（脱敏），其他账号为用户名',
  }),
  displayName: Type.String(),
  role: RoleSchema,
  roleLabel: Type.String(),
  regionCode: Type.Union([Type.String(), Type.Null()]),
  regionName: Type.Union([Type.String(), Type.Null()]),
  uscc: Type.Union([Type.String(), Type.Null()]),
  phone: Type.Union([Type.String(), Type.Null()], { description: '脱敏后的手机号码' }),
  isActive: Type.Boolean(),
  createdAt: Type.String(),
});

export const LoginBody = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 64 }),
    password: Type.String({ minLength: 1, maxLength: 256 }),
    totp: Type.Optional(Type.String({ maxLength: 6, description: '6 位动态验证码' })),
  },
  { additionalProperties: false },
);

export const NewUserBody = Type.Object(
  {
    username: Type.String({ minLength: 3, maxLength: 32 }),
    displayName: Type.String({ minLength: 1, maxLength: 64 }),
    role: RoleSchema,
    regionCode: Type.Optional(Type.String({ pattern: '^\\d{6}$' })),
    uscc: Type.Optional(Type.String({ maxLength: 40 })),
    password: Type.String({ minLength: 1, maxLength: 256 }),
    phone: Type.Optional(Type.String({ maxLength: 20 })),
    canViewPersonal: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

export const PasswordChangeBody = Type.Object(
  {
    currentPassword: Type.String({ minLength: 1, maxLength: 256 }),
    newPassword: Type.String({ minLength: 1, maxLength: 256 }),
    totp: Type.Optional(Type.String({ maxLength: 6, description: '6 位动态验证码（使用动态验证码的账号必填）' })),
  },
  { additionalProperties: false },
);

export const CredentialsResetSchema = Type.Object({
  temporaryPassword: Type.Optional(Type.String({ description: '临时密码，仅显示一次；下次登录须修改' })),
  totpSecret: Type.Optional(Type.String({ description: '新的动态验证码密钥，仅显示一次' })),
});
