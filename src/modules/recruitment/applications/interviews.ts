import { AppError } from '../../../platform/errors.ts';
import { beijingMinute } from '../../../platform/time.ts';
import type { InterviewRow } from './applications.repository.ts';

/**
 * The interview an enterprise arranges when it invites an applicant (SPEC §2.6): a time in
 * Beijing time, a place or an online link, and a note. Pure: checking the input, the view of an
 * application's interviews and the words of the seeker's notice.
 */

export interface InterviewInput {
  /** "YYYY-MM-DD HH:mm" in Beijing time, or an ISO instant with its offset. */
  at: string;
  place?: string | undefined;
  link?: string | undefined;
  note?: string | undefined;
}

export interface CheckedInterview {
  scheduled_at: string;
  place: string | null;
  link: string | null;
  note: string | null;
}

const BEIJING_WALL_TIME = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2})$/;
const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const WEB_LINK = /^https?:\/\/[^\s]+$/i;

function instantOf(at: string): Date {
  const text = at.trim();
  const wall = BEIJING_WALL_TIME.exec(text);
  const date = wall
    ? new Date(`${wall[1]}T${wall[2]}:00+08:00`)
    : WITH_OFFSET.test(text)
      ? new Date(text)
      : new Date(Number.NaN);
  if (Number.isNaN(date.getTime()))
    throw new AppError('VALIDATION_FAILED', '面试时间格式应为“年-月-日 时:分”（北京时间），例如 2026-12-20 14:30');
  // A wall time that does not exist (02-30) rolls over in Date; refuse it rather than move it.
  if (wall && beijingMinute(date) !== `${wall[1]} ${wall[2]}`)
    throw new AppError('VALIDATION_FAILED', `面试时间 ${text} 不是有效的日期时间`);
  return date;
}

function textOrNull(value: string | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

/** Checks an interview arrangement: a time still to come, and a place or an online link. */
export function checkInterview(input: InterviewInput | undefined, now: Date): CheckedInterview {
  if (!input?.at?.trim()) throw new AppError('VALIDATION_FAILED', '邀请面试须填写面试时间（北京时间）');
  const at = instantOf(input.at);
  if (at.getTime() <= now.getTime())
    throw new AppError('VALIDATION_FAILED', `面试时间 ${beijingMinute(at)} 已过，请填写今后的时间`);
  const place = textOrNull(input.place);
  const link = textOrNull(input.link);
  if (!place && !link) throw new AppError('VALIDATION_FAILED', '请填写面试地点或线上面试链接（至少一项）');
  if (link && !WEB_LINK.test(link))
    throw new AppError('VALIDATION_FAILED', '线上面试链接应以 http:// 或 https:// 开头');
  return { scheduled_at: at.toISOString(), place, link, note: textOrNull(input.note) };
}

export interface InterviewView {
  at: string;
  place: string | null;
  link: string | null;
  note: string | null;
  arrangedAt: string;
  /** Earlier arrangements, newest first, when the interview was rescheduled. */
  previous: { at: string; place: string | null; link: string | null; arrangedAt: string }[];
}

/** The interview in force for each application (the newest row) with its history. */
export function interviewsByApplication(rows: readonly InterviewRow[]): Map<number, InterviewView> {
  const grouped = new Map<number, InterviewRow[]>();
  for (const row of rows) {
    const id = Number(row.application_id);
    grouped.set(id, [...(grouped.get(id) ?? []), row]);
  }
  const views = new Map<number, InterviewView>();
  for (const [id, list] of grouped) {
    const sorted = [...list].sort((a, b) => Number(b.id) - Number(a.id));
    const [current, ...earlier] = sorted;
    views.set(id, {
      at: current!.scheduled_at,
      place: current!.place,
      link: current!.link,
      note: current!.note,
      arrangedAt: current!.created_at,
      previous: earlier.map((r) => ({ at: r.scheduled_at, place: r.place, link: r.link, arrangedAt: r.created_at })),
    });
  }
  return views;
}

/** The interview as the seeker's notice words it: time (北京时间), place or link, note. */
export function describeInterview(interview: CheckedInterview): string {
  return [
    `时间：${beijingMinute(interview.scheduled_at)}（北京时间）`,
    interview.place ? `地点：${interview.place}` : null,
    interview.link ? `线上面试链接：${interview.link}` : null,
    interview.note ? `备注：${interview.note}` : null,
  ]
    .filter((part): part is string => part !== null)
    .join('；');
}
