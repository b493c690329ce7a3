import { Type } from '@sinclair/typebox';

/** TypeBox schemas of the enterprise's notice contact. */

const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);

export const NotificationContactBody = Type.Object(
  {
    phone: Type.Optional(
      Nullable(Type.String({ maxLength: 20, description: '接收短信的手机号码（11 位）；null 为清除，不传则不变' })),
    ),
    email: Type.Optional(
      Nullable(Type.String({ maxLength: 200, description: '接收邮件的电子邮箱；null 为清除，不传则不变' })),
    ),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const NotificationContact = Type.Object({
  phone: Nullable(Type.String({ description: '脱敏后的手机号码' })),
  phone_source: Type.Union([Type.Literal('own'), Type.Literal('register'), Type.Null()], {
    description: 'own 企业自行登记；register 培育库联系电话',
  }),
  email: Nullable(Type.String({ description: '脱敏后的电子邮箱' })),
  updated_at: Nullable(Type.String()),
});
