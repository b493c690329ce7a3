import type { Kysely, Migration, MigrationProvider } from 'kysely';
import * as platform from './20261127T1600_platform.ts';
import * as registryWorkforce from './20261127T1700_registry_workforce.ts';
import * as monitoring from './20261127T1900_monitoring.ts';
import * as policy from './20261127T2000_policy.ts';
import * as benefits from './20261127T2100_benefits.ts';
import * as benefitApplications from './20261127T2200_benefit_applications.ts';
import * as benefitDelivery from './20261127T2300_benefit_delivery.ts';
import * as bankAccountCipher from './20261127T2400_bank_account_cipher.ts';
import * as declaredFacts from './20261127T2500_declared_facts.ts';
import * as usccOverrides from './20261127T2600_uscc_overrides.ts';
import * as caseAwaitingDeclaration from './20261127T2700_case_awaiting_declaration.ts';
import * as outboxChannelIndex from './20261127T2800_outbox_channel_index.ts';
import * as bulletinHasData from './20261207T1507_bulletin_has_data.ts';
import * as keyChecks from './20261207T1531_key_checks.ts';
import * as auditKeyedChain from './20261207T1537_audit_keyed_chain.ts';
import * as calendarYears from './20261207T1555_calendar_years.ts';
import * as benefitIdentity from './20261207T1600_benefit_identity.ts';
import * as objectionTextCipher from './20261207T1610_objection_text_cipher.ts';
import * as loginGuards from './20261207T1620_login_guards.ts';
import * as governance from './20261207T1900_governance.ts';
import * as jobPostings from './20261207T1930_job_postings.ts';
import * as skills from './20261207T1940_skills.ts';
import * as opinion from './20261207T1950_opinion.ts';
import * as implementationPlans from './20261207T2000_implementation_plans.ts';
import * as jobSeekers from './20261207T2110_job_seekers.ts';
import * as labourAverageWages from './20261207T2010_labour_average_wages.ts';
import * as postingSearch from './20261207T2100_posting_search.ts';
import * as labourRelations from './20261207T2120_labour_relations.ts';
import * as collections from './20261207T2130_collections.ts';
import * as auditSealedChain from './20261208T0100_audit_sealed_chain.ts';
import * as auditSeals from './20261208T1040_audit_seals.ts';
import * as dispatchRounds from './20261207T2131_dispatch_rounds.ts';
import * as talentEvaluation from './20261207T2140_talent_evaluation.ts';
import * as skillCertificateIssuer from './20261208T0050_skill_certificate_issuer.ts';
import * as assessments from './20261207T2132_assessments.ts';
import * as meetings from './20261207T2133_meetings.ts';
import * as postingImports from './20261208T0020_posting_imports.ts';
import * as seekerImports from './20261208T1010_seeker_imports.ts';
import * as recruitmentCampaigns from './20261208T0021_recruitment_campaigns.ts';
import * as jobInterviews from './20261208T0030_job_interviews.ts';
import * as postingSearchTerms from './20261208T0010_posting_search_terms.ts';
import * as occupationCommon from './20261208T1050_occupation_common.ts';
import * as postingSearchLeanIndexes from './20261208T1000_posting_search_lean_indexes.ts';
import * as sharedProcessState from './20261208T1020_shared_process_state.ts';

export type MigrationDialect = 'sqlite' | 'postgres';

interface DialectMigration {
  up(db: Kysely<any>, dialect: MigrationDialect): Promise<void>;
}

/**
 * Every migration, in order. Listed by hand (no directory scanning) so the build and the
 * map of the schema's history are the same thing. Migrations receive the configured dialect
 * and branch on it where SQLite and PostgreSQL differ.
 */
const MIGRATIONS: Record<string, DialectMigration> = {
  '20261127T1600_platform': platform,
  '20261127T1700_registry_workforce': registryWorkforce,
  '20261127T1900_monitoring': monitoring,
  '20261127T2000_policy': policy,
  '20261127T2100_benefits': benefits,
  '20261127T2200_benefit_applications': benefitApplications,
  '20261127T2300_benefit_delivery': benefitDelivery,
  '20261127T2400_bank_account_cipher': bankAccountCipher,
  '20261127T2500_declared_facts': declaredFacts,
  '20261127T2600_uscc_overrides': usccOverrides,
  '20261127T2700_case_awaiting_declaration': caseAwaitingDeclaration,
  '20261127T2800_outbox_channel_index': outboxChannelIndex,
  '20261207T1507_bulletin_has_data': bulletinHasData,
  '20261207T1531_key_checks': keyChecks,
  '20261207T1537_audit_keyed_chain': auditKeyedChain,
  '20261207T1555_calendar_years': calendarYears,
  '20261207T1600_benefit_identity': benefitIdentity,
  '20261207T1610_objection_text_cipher': objectionTextCipher,
  '20261207T1620_login_guards': loginGuards,
  '20261207T1900_governance': governance,
  '20261207T1930_job_postings': jobPostings,
  '20261207T1940_skills': skills,
  '20261207T1950_opinion': opinion,
  '20261207T2000_implementation_plans': implementationPlans,
  '20261207T2010_labour_average_wages': labourAverageWages,
  '20261207T2100_posting_search': postingSearch,
  '20261207T2110_job_seekers': jobSeekers,
  '20261207T2120_labour_relations': labourRelations,
  '20261207T2130_collections': collections,
  '20261207T2131_dispatch_rounds': dispatchRounds,
  '20261207T2140_talent_evaluation': talentEvaluation,
  '20261207T2132_assessments': assessments,
  '20261207T2133_meetings': meetings,
  '20261208T0020_posting_imports': postingImports,
  '20261208T0021_recruitment_campaigns': recruitmentCampaigns,
  '20261208T0030_job_interviews': jobInterviews,
  '20261208T0050_skill_certificate_issuer': skillCertificateIssuer,
  '20261208T0100_audit_sealed_chain': auditSealedChain,
  '20261208T1040_audit_seals': auditSeals,
  '20261208T0010_posting_search_terms': postingSearchTerms,
  '20261208T1010_seeker_imports': seekerImports,
  '20261208T1050_occupation_common': occupationCommon,
  '20261208T1000_posting_search_lean_indexes': postingSearchLeanIndexes,
  '20261208T1020_shared_process_state': sharedProcessState,
};

export function migrationProvider(dialect: MigrationDialect): MigrationProvider {
  return {
    async getMigrations() {
      const entries = Object.entries(MIGRATIONS).map(([name, m]): [string, Migration] => [
        name,
        { up: (db) => m.up(db, dialect) },
      ]);
      return Object.fromEntries(entries);
    },
  };
}
