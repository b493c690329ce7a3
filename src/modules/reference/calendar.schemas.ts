import { Type } from '@sinclair/typebox';
import { CALENDAR_FILE_MAX_BYTES } from '../../platform/calendar-file.ts';

/** TypeBox schemas of the working-day calendar API. */

const Day = Type.Object({ date: Type.String(), name: Type.String() });
const NullableString = Type.Union([Type.String(), Type.Null()]);

export const CalendarVersion = Type.Object({
  version: Type.Integer(), document_number: Type.String({ description: '通知文号' }), title: Type.String(), url: NullableString,
  holidays: Type.Array(Day), workdays: Type.Array(Day, { description: '调休上班日' }),
  loaded_by: Type.String(), loaded_at: Type.String(), superseded_at: NullableString, is_current: Type.Boolean(),
});

export const CalendarAnswer = Type.Object({
  today: Type.String(),
  package: Type.Object({ first_year: Type.Integer(), last_year: Type.Integer(), source: Type.String() }, { description: '内置官方日历（chinese-days）收录的年份' }),
  years: Type.Array(Type.Object({ year: Type.Integer(), current: Type.Union([CalendarVersion, Type.Null()]), versions: Type.Array(CalendarVersion) })),
  reminder: Type.Object({
    next_year: Type.Integer(), is_next_year_covered: Type.Boolean(), reminder_from: Type.String(), is_due: Type.Boolean(), source: Type.String(), message: NullableString,
  }),
});

export const CalendarLoadBody = Type.Object({
  text: Type.String({ minLength: 1, maxLength: CALENDAR_FILE_MAX_BYTES, description: '节假日安排文件内容（JSON 或 YAML，格式见 docs/calendar.md）' }),
  file_name: Type.Optional(Type.String({ maxLength: 200 })),
}, { additionalProperties: false });

export const CalendarLoadAnswer = Type.Object({
  year: Type.Integer(), version: Type.Integer(), document_number: Type.String(), holidays: Type.Integer(), workdays: Type.Integer(),
  is_unchanged: Type.Boolean({ description: '与当前版本相同，未新建版本' }),
  recomputed: Type.Object({ reviews: Type.Integer(), publicity: Type.Integer() }, { description: '重新推算的审核截止日和公示截止日数' }),
});
