import { Type } from '@sinclair/typebox';
import { StateSchema } from '../benefits.schemas.ts';
import { PageOf } from '../../../platform/http/schemas.ts';

/** TypeBox schemas of the enterprise's 政策消息. */

export const InboxPage = Type.Composite([
  PageOf(
    Type.Object({
      id: Type.Integer(),
      case_id: Type.Integer(),
      kind: StateSchema,
      title: Type.String(),
      body: Type.String(),
      created_at: Type.String(),
      read_at: Type.Union([Type.String(), Type.Null()], { description: '阅读时间；null 为未读' }),
      case_state: Type.Union([StateSchema, Type.Null()], { description: '案件当前状态（已匹配待确认、已拨付……）' }),
    }),
  ),
  Type.Object({ unread: Type.Integer({ description: '本企业未读消息数' }) }),
]);

export const ReadAnswer = Type.Object({
  updated: Type.Integer({ description: '本次标为已读的消息数' }),
  unread: Type.Integer(),
});
