import { describe, expect, it } from 'vitest';
import type { PolicySummary } from '../../api/policies.ts';
import { defaultCalculationDate, todayInShanghai } from './policyDates.ts';

const policy = (from: string, to: string | null) => ({ valid: { from, to } }) as PolicySummary;

describe('the calculator date', () => {
  it('is today while some policy is in force', () => {
    expect(defaultCalculationDate([policy('2024-01-01', '2025-12-31'), policy('2025-01-01', null)], '2026-03-01')).toBe('2026-03-01');
    expect(defaultCalculationDate([policy('2024-01-01', '2026-12-31')], '2026-03-01')).toBe('2026-03-01');
  });

  it('is the last day in force once every policy has ended', () => {
    expect(defaultCalculationDate([policy('2024-01-01', '2025-12-31'), policy('2022-01-01', '2024-12-31')], '2026-03-01')).toBe('2025-12-31');
    expect(defaultCalculationDate([], '2026-03-01')).toBe('2026-03-01');
  });

  it('reads today in Beijing time', () => {
    expect(todayInShanghai(new Date('2025-12-31T16:30:00Z'))).toBe('2026-01-01');
  });
});
