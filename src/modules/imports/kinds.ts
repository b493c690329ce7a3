import { enterprisesImport } from '../enterprises/enterprises.import.ts';
import { bankResultsImport } from '../benefits/payments/bank-results.import.ts';
import { benefitHistoryImport } from '../benefits/history/benefit-history.import.ts';
import { notePaymentsSettled, refreshMonitoringAggregates } from '../monitoring/refresh/refresh.service.ts';
import { SKILLS_IMPORT_KINDS } from '../skills/skills.imports.ts';
import { messagesImport } from '../opinion/messages.import.ts';
import { RECRUITMENT_IMPORT_KINDS } from '../recruitment/recruitment.imports.ts';
import { WORKFORCE_IMPORT_KINDS } from '../workforce/workforce.imports.ts';
import type { ImportKind } from './import-kind.ts';

// The kinds the monitoring figures are computed from: after each of their imports the
// enterprise-month aggregates and the alerts are rebuilt, so the dashboard never shows stale data.
const MONITORED_KINDS = new Set([
  'enterprises',
  'roster',
  'contributions',
  'graduates',
  'skills',
  'titles',
  'training',
  'trainees',
]);

function withMonitoringRefresh<R>(kind: ImportKind<R>): ImportKind<R> {
  // Paid benefits are read live from the ledger: the bank's results need no rebuild, only fresh answers.
  const after = MONITORED_KINDS.has(kind.kind)
    ? refreshMonitoringAggregates
    : kind.kind === 'bank_results'
      ? notePaymentsSettled
      : undefined;
  if (!after) return kind;
  return {
    ...kind,
    async afterImport(ctx, runId) {
      await kind.afterImport?.(ctx, runId);
      await after(ctx);
    },
  };
}

/**
 * Every import kind of SPEC §3, in the order an official loads them: the register first
 * (rosters refer to its enterprises), then the insured data, then the person registries,
 * then the bank's payment results of 免申即享 and the history of benefits paid before or elsewhere,
 * then the messages of 舆情监测 (linked against the register).
 */
export const IMPORT_KINDS: readonly ImportKind<any>[] = [
  enterprisesImport,
  ...WORKFORCE_IMPORT_KINDS,
  ...SKILLS_IMPORT_KINDS,
  ...RECRUITMENT_IMPORT_KINDS,
  bankResultsImport,
  benefitHistoryImport,
  messagesImport,
].map(withMonitoringRefresh);

export function findImportKind(name: string): ImportKind<unknown> | undefined {
  return IMPORT_KINDS.find((k) => k.kind === name);
}
