import { describe, expect, it } from 'vitest';
import { decideLenientOutcome, lenientList } from './lenient-enforcement.ts';
import { MissingAnswersError, questionnaireOf, scoreDiagnosis, type Answer } from './diagnosis.ts';

describe('劳动关系体检 questionnaire', () => {
  const questionnaire = questionnaireOf();
  const all = (answer: Answer) =>
    Object.fromEntries(questionnaire.areas.flatMap((a) => a.questions.map((q) => [q.code, answer])));

  it('cites a legal basis and gives advice for every question, in the six areas', () => {
    expect(questionnaire.areas.map((a) => a.code)).toEqual([
      'contracts',
      'hours',
      'wages',
      'insurance',
      'grievance',
      'consultation',
    ]);
    for (const question of questionnaire.areas.flatMap((a) => a.questions)) {
      expect(question.basis.length, question.code).toBeGreaterThan(4);
      expect(question.advice.length, question.code).toBeGreaterThan(8);
    }
  });

  it('scores all yes 100 without advice, all partly 50 at risk, and refuses missing answers', () => {
    expect(scoreDiagnosis(questionnaire, all('yes'))).toMatchObject({ total: 100, isAtRisk: false });
    const partly = scoreDiagnosis(questionnaire, all('partly'));
    expect(partly).toMatchObject({ total: 50, isAtRisk: true });
    expect(
      partly.areas.every(
        (a) => a.advice.length === questionnaireOf().areas.find((x) => x.code === a.code)!.questions.length,
      ),
    ).toBe(true);
    expect(() => scoreDiagnosis(questionnaire, { C1: 'yes' })).toThrow(MissingAnswersError);
  });

  it('weighs questions within an area', () => {
    // Contracts: C1 weighs 3 of 7.
    const answers = { ...all('yes'), C1: 'no' as Answer };
    expect(scoreDiagnosis(questionnaire, answers).areas[0]).toMatchObject({ score: 57, isAtRisk: true });
  });
});

describe('柔性执法 decision', () => {
  it('reminds a first violation on the list, and handles a repeat or an unlisted one normally', () => {
    expect(lenientList().source).toContain('待核');
    expect(decideLenientOutcome('L02', 0)).toMatchObject({ outcome: 'reminder', item: { code: 'L02' } });
    expect(decideLenientOutcome('L02', 1).outcome).toBe('normal');
    expect(decideLenientOutcome(null, 0)).toMatchObject({ outcome: 'normal', item: null });
  });
});
