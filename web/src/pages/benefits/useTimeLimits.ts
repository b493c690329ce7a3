import { useEffect, useState } from 'react';
import { getTimeLimits } from '../../api/benefits.ts';

/** The time limits in force today, in working days (reference/benefits/time-limits.json on the server). */
export interface TimeLimitDays {
  review?: number;
  warning?: number;
  publicity?: number;
}

/** Reads the time limits once; the texts that state a period take it from here, never from a literal. */
export function useTimeLimits(): TimeLimitDays {
  const [days, setDays] = useState<TimeLimitDays>({});
  useEffect(() => {
    let isCurrent = true;
    getTimeLimits()
      .then(({ items }) => {
        const value = (key: string) => items.find((item) => item.key === key)?.value;
        if (isCurrent)
          setDays({
            review: value('review_workdays'),
            warning: value('review_warning_workdays'),
            publicity: value('publicity_workdays'),
          });
      })
      .catch(() => {
        // The hint then reads without the number ("…进入 … 个工作日审核"); the server's own checks do not depend on it.
      });
    return () => {
      isCurrent = false;
    };
  }, []);
  return days;
}

/** A period's number for a hint text, or an ellipsis while it loads. */
export function daysText(days: number | undefined): string {
  return days === undefined ? '…' : String(days);
}
