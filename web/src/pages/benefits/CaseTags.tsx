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
 * The 20-working-day review clock: days left (warning at ≤ 5), overdue in red, and a deadline
 * the official calendar does not cover flagged rather than guessed.
 */
export function ReviewClockTag({ clock }: { clock: ReviewClock | null }) {
  const { bt } = useBenefitsText();
  if (!clock) return <span>—</span>;
  if (clock.calendar_not_covered) {
    return (
      <Tooltip title={bt('benefits.clock.notCoveredHint')}>
        <Tag color={clock.is_overdue ? 'red' : 'gold'} data-testid="review-clock">
          {bt('benefits.clock.notCovered')}
        </Tag>
      </Tooltip>
    );
  }
  const days = clock.days_left ?? 0;
  const text = clock.is_overdue ? bt('benefits.clock.overdue', { days: -days }) : days === 0 ? bt('benefits.clock.dueToday') : bt('benefits.clock.daysLeft', { days });
  const color = clock.is_overdue ? 'red' : clock.is_warning ? 'orange' : 'green';
  return (
    <Tooltip title={clock.deadline ? bt('benefits.clock.deadline', { date: clock.deadline }) : undefined}>
      <Tag color={color} data-testid="review-clock">
        {text}
      </Tag>
    </Tooltip>
  );
}
