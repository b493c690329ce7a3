import { useCallback } from 'react';
import type { CaseState } from '../../api/benefits.ts';
import { benefitsEnUS } from '../../locales/benefits.en-US.ts';
import { benefitsZhCN } from '../../locales/benefits.zh-CN.ts';
import { policyName as policyNameOf } from '../../locales/codeNames.ts';
import { useI18n } from '../../locales/i18n.tsx';

export type BenefitsKey = keyof typeof benefitsZhCN;

/** Every case state has its label (a new state on the server fails the type check until it is worded). */
const stateLabels: Record<`benefits.state.${CaseState}`, string> = benefitsZhCN;

/** The case states, in the order the dictionary words them (a case's life), for filters. */
export const CASE_STATES = Object.keys(stateLabels).flatMap((key) => {
  const state = /^benefits\.state\.(\w+)$/.exec(key)?.[1];
  return state && state !== 'start' ? [state as CaseState] : [];
});
type Values = Record<string, string | number | null | undefined>;

/**
 * The benefits pages' own messages in the chosen language. They are merged into the app's
 * dictionaries too (for menu labels); reading them here keeps the pages' keys checked.
 */
export function useBenefitsText() {
  const { locale, t } = useI18n();
  const dictionary: Record<BenefitsKey, string> = locale === 'en-US' ? benefitsEnUS : benefitsZhCN;
  const bt = useCallback(
    (key: BenefitsKey, values?: Values) =>
      dictionary[key].replace(/\{(\w+)\}/g, (_, name: string) => String(values?.[name] ?? '')),
    [dictionary],
  );
  /** A policy's name (codes.zh-CN.ts). */
  const policyName = useCallback((code: string) => policyNameOf(t, code), [t]);
  /** A case state's label. */
  const stateName = useCallback(
    (state: string) => {
      const key = `benefits.state.${state}`;
      return key in dictionary ? dictionary[key as BenefitsKey] : state;
    },
    [dictionary],
  );
  return { bt, policyName, stateName, locale };
}
