import { Tag, Tooltip } from 'antd';
import type { CaseState, ReviewClock } from '../../api/benefits.ts';
import { useBenefitsText } from './benefitsText.ts';

const STATE_COLORS: Record<CaseState, string> = {
  matched: 'blue',
  confirmed: 'processing',
  declined: 'default',
  returned: 'orange',
  approved: 'cyan',
  rejected: 'red',
  revoked: 'red',
  payment_instructed: 'purple',
  payment_failed: 'volcano',
  paid: 'green',
  cancelled: 'default',
};

/** A case's state as a coloured tag. */
export function CaseStateTag({ state }: { state: CaseState }) {
  const { stateName } = useBenefitsText();
  return (
    <Tag color={STATE_COLORS[state] ?? 'default'} data-testid="case-state">
      {stateName(state)}
    </Tag>
  );
}

/**
 * The review clock: days left of the case's limit (warning near its end), overdue in red, and a
 * deadline counted Monday to Friday through a year whose holiday arrangement is not loaded yet
 * marked 暂定, with the year it waits for.
 */
export function ReviewClockTag({ clock }: { clock: ReviewClock | null }) {
  const { bt } = useBenefitsText();
  if (!clock) return <span>—</span>;
  const days = clock.days_left;
  const text = clock.is_overdue
    ? bt('benefits.clock.overdue', { days: -days })
    : days === 0
      ? bt('benefits.clock.dueToday')
      : bt('benefits.clock.daysLeft', { days, total: clock.limit_workdays });
  const color = clock.is_overdue ? 'red' : clock.is_warning ? 'orange' : 'green';
  const hint = clock.is_provisional
    ? bt('benefits.clock.provisionalHint', { date: clock.deadline, year: clock.provisional_year })
    : bt('benefits.clock.deadline', { date: clock.deadline });
  return (
    <Tooltip title={hint}>
      <Tag color={color} data-testid="review-clock">
        {text}
        {clock.is_provisional && `（${bt('benefits.clock.provisional')}）`}
      </Tag>
    </Tooltip>
  );
}

/** A case's 公示 window; an end counted Monday to Friday through a year not yet loaded says so. */
export function publicityText(
  item: { publicity_from: string | null; publicity_until: string | null; is_publicity_provisional?: boolean },
  bt: ReturnType<typeof useBenefitsText>['bt'],
): string {
  if (!item.publicity_from) return '—';
  const until = item.publicity_until ?? '';
  return `${item.publicity_from} ~ ${item.is_publicity_provisional ? bt('benefits.publicity.provisional', { until, year: until.slice(0, 4) }) : until}`;
}
