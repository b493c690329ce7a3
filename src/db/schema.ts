import type {
  ApiTokenTable,
  LoginAttemptTable,
  LoginGuardTable,
  SessionTable,
  UserTable,
} from '../modules/accounts/accounts.table.ts';
import type { RateLimitCounterTable } from '../platform/http/rate-limit.table.ts';
import type {
  EnterpriseChangeTable,
  EnterpriseNotificationContactTable,
  EnterpriseRecognitionTable,
  EnterpriseTable,
  ExchangeRequestTable,
  KeyEnterpriseAssignmentTable,
  KeyEnterpriseTable,
} from '../modules/enterprises/enterprises.table.ts';
import type {
  BenefitCaseEventTable,
  BenefitCasePersonTable,
  BenefitCaseTable,
  BenefitIdempotencyTable,
  BenefitJournalTable,
  BenefitLedgerLineTable,
  BenefitMatchRunTable,
  BenefitNoticeTable,
  BenefitObjectionTable,
  BenefitOutboxTable,
  BenefitPaymentBatchTable,
  BenefitPaymentTable,
} from '../modules/benefits/benefits.table.ts';
import type { JobPostingTable } from '../modules/recruitment/postings/postings.table.ts';
import type {
  RecruitmentCampaignEventTable,
  RecruitmentCampaignHireTable,
  RecruitmentCampaignTable,
} from '../modules/recruitment/campaigns/campaigns.table.ts';
import type { JobApplicationTable, JobInterviewTable } from '../modules/recruitment/applications/applications.table.ts';
import type { JobPostingSearchTable, JobPostingTermTable } from '../modules/recruitment/search/search.table.ts';
import type { JobFairEnterpriseTable, JobFairTable } from '../modules/recruitment/fairs/fairs.table.ts';
import type { JobSeekerCodeTable, JobSeekerTable } from '../modules/recruitment/seekers/seekers.table.ts';
import type { BenefitAttachmentTable } from '../modules/benefits/applications/applications.table.ts';
import type { BenefitDeclaredFactTable } from '../modules/benefits/applications/declared-facts.table.ts';
import type {
  CommissionerProfileTable,
  GovernanceContactTable,
  GovernanceRequestFileTable,
  GovernanceRequestTable,
  ImplementationPlanTable,
} from '../modules/governance/governance.table.ts';
import type {
  LabourAverageWageTable,
  LabourDiagnosisTable,
  LabourDisputePartyTable,
  LabourDisputeTable,
  LabourHarmonyApplicationTable,
  LabourViolationTable,
} from '../modules/labour/labour.table.ts';
import type {
  CollectionApprovalTable,
  CollectionRecipientTable,
  CollectionTable,
  ShortageCatalogueEntryTable,
  ShortageCatalogueTable,
  ShortageReportTable,
} from '../modules/governance/collections/collections.table.ts';
import type { DispatchReturnTable, DispatchRoundTable } from '../modules/governance/dispatch/dispatch.table.ts';
import type {
  AssessmentTable,
  AssessmentWeightVersionTable,
} from '../modules/governance/assessment/assessment.table.ts';
import type {
  GovernanceMeetingActionTable,
  GovernanceMeetingTable,
} from '../modules/governance/meetings/meetings.table.ts';
import type { ImportRejectTable, ImportRunTable } from '../modules/imports/imports.table.ts';
import type {
  AbsorbedPersonTable,
  EnterpriseMonthSeparationsTable,
  EnterpriseMonthStatsTable,
  MonitoringAlertEventTable,
  MonitoringAlertTable,
  MonitoringBulletinTable,
  MonitoringMonthTable,
  MonitoringRefreshTable,
} from '../modules/monitoring/monitoring.table.ts';
import type { BenefitHistoryTable, BenefitIdentityTable } from '../modules/policy/benefit-records.table.ts';
import type {
  PolicySandboxChangeTable,
  PolicySandboxRunTable,
  PolicyVersionTable,
} from '../modules/policy/policy.table.ts';
import type {
  IndustryTable,
  OccupationTable,
  RegionAliasTable,
  RegionTable,
} from '../modules/reference/reference.table.ts';
import type { UsccOverrideTable } from '../modules/reference/uscc-overrides.table.ts';
import type { KeyCheckTable } from '../platform/crypto/key-check.table.ts';
import type { CalendarYearTable } from '../modules/reference/calendar.table.ts';
import type {
  ContributionTable,
  EmploymentSpellTable,
  GraduateTable,
  PersonTable,
  PovertyStatusTable,
  ProfessionalTitleTable,
  RosterPeriodTable,
  SkillCertificateTable,
  UnemploymentRegistrationTable,
} from '../modules/workforce/workforce.table.ts';
import type {
  DigitalEngineerCertificateTable,
  EnterpriseTalentRecordTable,
  InternshipBaseScoreTable,
  InternshipBaseTable,
  InternshipScoreRunTable,
  InternshipTraineeTable,
  TrainingProgrammeEnterpriseTable,
  TrainingProgrammeTable,
  SelfEvaluationEnterpriseTable,
  TrainingRecordTable,
} from '../modules/skills/skills.table.ts';
import type { OpinionHotspotTable, OpinionLinkTable, OpinionMessageTable } from '../modules/opinion/opinion.table.ts';
import type {
  AuditChainTable,
  AuditCheckpointTable,
  AuditLogTable,
  AuditSealProgressTable,
  AuditSealTable,
} from '../platform/audit/audit.table.ts';

/** Every table of the product, gathered from each module's `*.table.ts`. */
export interface Database {
  regions: RegionTable;
  region_aliases: RegionAliasTable;
  industries: IndustryTable;
  occupations: OccupationTable;
  uscc_overrides: UsccOverrideTable;
  key_checks: KeyCheckTable;
  calendar_years: CalendarYearTable;
  users: UserTable;
  sessions: SessionTable;
  login_attempts: LoginAttemptTable;
  login_guards: LoginGuardTable;
  rate_limit_counters: RateLimitCounterTable;
  api_tokens: ApiTokenTable;
  audit_log: AuditLogTable;
  audit_chain: AuditChainTable;
  audit_checkpoints: AuditCheckpointTable;
  audit_seals: AuditSealTable;
  audit_seal_progress: AuditSealProgressTable;
  opinion_messages: OpinionMessageTable;
  opinion_links: OpinionLinkTable;
  opinion_hotspots: OpinionHotspotTable;
  import_runs: ImportRunTable;
  import_rejects: ImportRejectTable;
  enterprises: EnterpriseTable;
  enterprise_recognitions: EnterpriseRecognitionTable;
  enterprise_changes: EnterpriseChangeTable;
  exchange_requests: ExchangeRequestTable;
  key_enterprises: KeyEnterpriseTable;
  key_enterprise_assignments: KeyEnterpriseAssignmentTable;
  enterprise_notification_contacts: EnterpriseNotificationContactTable;
  persons: PersonTable;
  employment_spells: EmploymentSpellTable;
  roster_periods: RosterPeriodTable;
  contributions: ContributionTable;
  graduates: GraduateTable;
  skill_certificates: SkillCertificateTable;
  professional_titles: ProfessionalTitleTable;
  unemployment_registrations: UnemploymentRegistrationTable;
  poverty_status: PovertyStatusTable;
  training_programmes: TrainingProgrammeTable;
  training_programme_enterprises: TrainingProgrammeEnterpriseTable;
  training_records: TrainingRecordTable;
  internship_bases: InternshipBaseTable;
  internship_trainees: InternshipTraineeTable;
  internship_score_runs: InternshipScoreRunTable;
  internship_base_scores: InternshipBaseScoreTable;
  self_evaluation_enterprises: SelfEvaluationEnterpriseTable;
  digital_engineer_certificates: DigitalEngineerCertificateTable;
  enterprise_talent_records: EnterpriseTalentRecordTable;
  monitoring_months: MonitoringMonthTable;
  enterprise_month_stats: EnterpriseMonthStatsTable;
  enterprise_month_separations: EnterpriseMonthSeparationsTable;
  absorbed_persons: AbsorbedPersonTable;
  monitoring_refreshes: MonitoringRefreshTable;
  monitoring_alerts: MonitoringAlertTable;
  monitoring_alert_events: MonitoringAlertEventTable;
  monitoring_bulletins: MonitoringBulletinTable;
  policy_versions: PolicyVersionTable;
  policy_sandbox_runs: PolicySandboxRunTable;
  policy_sandbox_changes: PolicySandboxChangeTable;
  benefit_match_runs: BenefitMatchRunTable;
  benefit_cases: BenefitCaseTable;
  benefit_case_persons: BenefitCasePersonTable;
  benefit_identities: BenefitIdentityTable;
  benefit_history: BenefitHistoryTable;
  benefit_case_events: BenefitCaseEventTable;
  benefit_notices: BenefitNoticeTable;
  benefit_outbox: BenefitOutboxTable;
  benefit_idempotency: BenefitIdempotencyTable;
  benefit_objections: BenefitObjectionTable;
  benefit_payment_batches: BenefitPaymentBatchTable;
  benefit_payments: BenefitPaymentTable;
  benefit_journal: BenefitJournalTable;
  benefit_ledger_lines: BenefitLedgerLineTable;
  benefit_attachments: BenefitAttachmentTable;
  benefit_declared_facts: BenefitDeclaredFactTable;
  commissioner_profiles: CommissionerProfileTable;
  governance_requests: GovernanceRequestTable;
  governance_request_files: GovernanceRequestFileTable;
  governance_contacts: GovernanceContactTable;
  job_postings: JobPostingTable;
  recruitment_campaigns: RecruitmentCampaignTable;
  recruitment_campaign_events: RecruitmentCampaignEventTable;
  recruitment_campaign_hires: RecruitmentCampaignHireTable;
  job_posting_search: JobPostingSearchTable;
  job_posting_terms: JobPostingTermTable;
  job_seeker_codes: JobSeekerCodeTable;
  job_seekers: JobSeekerTable;
  job_applications: JobApplicationTable;
  job_interviews: JobInterviewTable;
  job_fairs: JobFairTable;
  job_fair_enterprises: JobFairEnterpriseTable;
  implementation_plans: ImplementationPlanTable;
  labour_average_wages: LabourAverageWageTable;
  labour_disputes: LabourDisputeTable;
  labour_dispute_parties: LabourDisputePartyTable;
  labour_diagnoses: LabourDiagnosisTable;
  labour_harmony_applications: LabourHarmonyApplicationTable;
  labour_violations: LabourViolationTable;
  collection_approvals: CollectionApprovalTable;
  collections: CollectionTable;
  collection_recipients: CollectionRecipientTable;
  shortage_reports: ShortageReportTable;
  shortage_catalogues: ShortageCatalogueTable;
  shortage_catalogue_entries: ShortageCatalogueEntryTable;
  dispatch_rounds: DispatchRoundTable;
  dispatch_returns: DispatchReturnTable;
  assessment_weight_versions: AssessmentWeightVersionTable;
  assessments: AssessmentTable;
  governance_meetings: GovernanceMeetingTable;
  governance_meeting_actions: GovernanceMeetingActionTable;
}
