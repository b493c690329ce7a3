import { describe, expect, it } from 'vitest';
import { collectiveAlertReason } from './dispute-alert.ts';
import { disputeDeadlines } from './dispute-deadlines.ts';
import { rankSimilarCases } from './similar-cases.ts';

describe('dispute deadlines on the official calendar', () => {
  it('counts 45 days from the day after receipt and moves a last day off a holiday', () => {
    // 2025-08-17 + 45 = 2025-10-01, 国庆 → the first working day after the holiday, 2025-10-09.
    const result = disputeDeadlines({
      kind: 'arbitration',
      receivedOn: '2025-08-17',
      isFastTrack: false,
      isExtended: false,
    });
    expect(result.deadline).toBe('2025-10-09');
    expect(result.fastTrackDue).toBeNull();
    expect(result.steps[1]!.text).toContain('顺延');
  });

  it('adds the 15-day extension and keeps the fast track no later than the statutory limit', () => {
    const result = disputeDeadlines({
      kind: 'arbitration',
      receivedOn: '2025-03-03',
      isFastTrack: true,
      isExtended: true,
    });
    expect(result.deadline).toBe('2025-05-06'); // +60 days = 05-02 (劳动节 holiday) → 05-06
    expect(result.fastTrackDue).toBe('2025-03-31'); // 20 working days after 03-03
  });

  it('gives mediation 15 days and a 10-working-day fast track', () => {
    const result = disputeDeadlines({
      kind: 'mediation',
      receivedOn: '2025-06-02',
      isFastTrack: true,
      isExtended: false,
    });
    expect(result.deadline).toBe('2025-06-17');
    expect(result.fastTrackDue).toBe('2025-06-16');
  });
});

describe('collective-dispute alert', () => {
  it('is raised at 30 workers or 1,000,000 yuan of arrears, not below', () => {
    expect(collectiveAlertReason({ workersCount: 29, arrearsFen: 99_999_999, receivedOn: '2026-01-05' })).toBeNull();
    expect(collectiveAlertReason({ workersCount: 30, arrearsFen: 0, receivedOn: '2026-01-05' })).toContain('30 人');
    expect(collectiveAlertReason({ workersCount: 3, arrearsFen: 100_000_000, receivedOn: '2026-01-05' })).toContain(
      '拖欠工资',
    );
  });
});

describe('similar cases', () => {
  it('ranks by shared rare words and leaves the case itself out', () => {
    const ranked = rankSimilarCases({ id: 1, terms: '拖欠 工资 加班费' }, [
      { id: 1, terms: '拖欠 工资 加班费' },
      { id: 2, terms: '拖欠 工资 加班费 集体' },
      { id: 3, terms: '工伤 认定 赔偿' },
      { id: 4, terms: '工资 社会保险' },
    ]);
    expect(ranked.map((r) => r.id)).toEqual([2, 4]);
    expect(ranked[0]!.sharedTerms).toContain('加班费');
  });
});
