import type { CurrentUser } from '../../../platform/auth/current-user.ts';
import { OFFICIAL_ROLES } from '../../../platform/roles.ts';
import type { AttachmentRequirement } from '../../../policies/delivery.ts';
import { citationOf } from '../../../policies/load.ts';
import type { Policy, Source } from '../../../policies/types.ts';
import type { PolicyVersionRow } from './catalogue.repository.ts';
import type { ParameterChange } from './parameter-edit.ts';
import { parseProblems, type PolicyDocument } from '../policy-versions.ts';

/**
 * What the catalogue shows: the list (name, 文号 and clause, region scope, validity, version) and
 * one policy in detail (parameters by date and region with their sources, version history).
 * Parameter values are shown as written in the policy document ("60%", 1500 元, a table).
 */

export interface SourceView {
  key: string;
  doc: string;
  clause: string | null;
  issuer: string | null;
  url: string | null;
  /** Officials only (null for others): read from a second-hand copy, and the drafting notes on it. */
  secondary: boolean | null;
  note: string | null;
  source_quality: string | null;
}

/** Whether a viewer may see how good a source is (转述, 文号待核): officials only. */
export function seesSourceQuality(viewer: CurrentUser | null | undefined): boolean {
  return !!viewer && OFFICIAL_ROLES.includes(viewer.role);
}

/**
 * A source as the API shows it. Enterprises and the public see the 文号 and the clause only;
 * officials also see whether it was read from a copy and the notes on it.
 */
export function sourceView(source: Source, isOfficial: boolean): SourceView {
  return {
    key: source.key,
    doc: source.doc,
    clause: source.clause ?? null,
    issuer: source.issuer ?? null,
    url: source.url ?? null,
    secondary: isOfficial ? source.secondary : null,
    note: isOfficial ? (source.note ?? null) : null,
    source_quality: isOfficial ? (source.sourceQuality ?? null) : null,
  };
}

/** One line of the catalogue. */
export function catalogueItem(
  head: { latest: PolicyVersionRow; current?: PolicyVersionRow },
  policy: Policy | undefined,
  viewer: CurrentUser | null,
) {
  const { latest, current } = head;
  const document = JSON.parse((current ?? latest).definition) as PolicyDocument;
  const valid = (document.valid ?? {}) as { from?: string; to?: string };
  return {
    code: latest.code,
    name: policy?.name ?? String(document.name ?? latest.code),
    citation: policy ? citationOf(policy) : '',
    legal_basis: policy ? policy.legalBasis.map((source) => sourceView(source, seesSourceQuality(viewer))) : [],
    subject: policy?.subject ?? String(document.subject ?? ''),
    scope: policy?.scope ?? [],
    valid: { from: String(valid.from ?? ''), to: String(valid.to ?? '') },
    delivery: policy?.delivery ?? null,
    version: current?.version ?? null,
    version_no: current?.version_no ?? null,
    content_sha256: current?.content_sha256 ?? null,
    updated_at: (current ?? latest).created_at,
    // A newer file or edit the engine refused: shown so that officials see it was not taken.
    refused_latest:
      latest.status === 'refused' ? { version_no: latest.version_no, problems: parseProblems(latest.problems) } : null,
  };
}

/** A version in the history; who edited it is shown to officials only. */
export function versionView(row: PolicyVersionRow, viewer: CurrentUser | null) {
  const isOfficial = seesSourceQuality(viewer);
  return {
    version_no: row.version_no,
    version: row.version,
    status: row.status,
    source: row.source,
    content_sha256: row.content_sha256,
    created_at: row.created_at,
    created_by: isOfficial ? row.created_by_name : null,
    reason: row.reason,
    based_on: row.based_on,
    changes: row.changes ? (JSON.parse(row.changes) as ParameterChange[]) : null,
    problems: parseProblems(row.problems),
  };
}

/** The parameters of a version, value by value as written, with each value's source. */
export function parameterViews(policy: Policy, document: PolicyDocument, isOfficial: boolean) {
  const rawParameters = (document.parameters ?? {}) as Record<
    string,
    { values?: Record<string, unknown>[]; ceiling?: { value?: unknown } }
  >;
  return [...policy.parameters.values()].map((param) => ({
    name: param.name,
    label: param.label,
    type: param.type,
    unit: param.unit ?? null,
    indexed_by: param.indexedBy,
    ceiling: param.ceiling
      ? {
          value: rawParameters[param.name]?.ceiling?.value ?? param.ceiling.value,
          source: sourceView(param.ceiling.source, isOfficial),
        }
      : null,
    values: (rawParameters[param.name]?.values ?? []).map((entry) => {
      const source = policy.sources.get(String(entry.source));
      return {
        from: String(entry.from),
        to: entry.to === undefined ? null : String(entry.to),
        region: String(entry.region),
        value: entry.value,
        source: source ? sourceView(source, isOfficial) : null,
      };
    }),
  }));
}

/** A material an application policy asks for, as the API shows it (sizes in bytes). */
export function attachmentView(attachment: AttachmentRequirement) {
  return {
    code: attachment.code,
    name: attachment.name,
    required: attachment.isRequired,
    types: attachment.types,
    max_bytes: attachment.maxBytes,
    description: attachment.description,
  };
}

/** One policy in detail: metadata, facts, parameters, conditions, amount and version history. */
export function policyDetail(
  policy: Policy,
  current: PolicyVersionRow,
  history: PolicyVersionRow[],
  viewer: CurrentUser | null,
) {
  const document = JSON.parse(current.definition) as PolicyDocument;
  const isOfficial = seesSourceQuality(viewer);
  return {
    code: policy.code,
    name: policy.name,
    version: current.version,
    version_no: current.version_no,
    content_sha256: current.content_sha256,
    summary: policy.summary,
    issuer: policy.issuer,
    subject: policy.subject,
    scope: policy.scope,
    valid: { from: policy.valid.from, to: policy.valid.to },
    citation: citationOf(policy),
    legal_basis: policy.legalBasis.map((source) => sourceView(source, isOfficial)),
    sources: [...policy.sources.values()].map((source) => sourceView(source, isOfficial)),
    facts: policy.facts.map((fact) => ({
      name: fact.name,
      label: fact.label,
      type: fact.type,
      unit: fact.unit ?? null,
      description: fact.description,
      values: fact.values ? [...fact.values] : null,
    })),
    parameters: parameterViews(policy, document, isOfficial),
    conditions: policy.conditions.map((condition) => ({
      id: condition.id,
      label: condition.label,
      basis: condition.basis.map((s) => s.doc),
    })),
    amount: { label: policy.amount.label, basis: policy.amount.basis.map((s) => s.doc) },
    delivery: policy.delivery,
    attachments: policy.attachments.map(attachmentView),
    versions: history.map((row) => versionView(row, viewer)),
  };
}
