import { createHash } from 'node:crypto';
import { parse as parseYaml } from 'yaml';
import { compilePolicy, type PolicyKernel } from '../../policies/compile.ts';
import { PolicyError } from '../../policies/errors.ts';
import { buildPolicy } from '../../policies/load.ts';
import type { Policy } from '../../policies/types.ts';
import { AppError } from '../../platform/errors.ts';
import type { PolicyVersionRow } from './catalogue/catalogue.repository.ts';

/**
 * A catalogue version turned back into the engine's Policy. The stored definition is the policy
 * document as JSON (YAML's data model, so the same loader and the same load-time checks apply);
 * built policies and their kernels are kept by content hash, since equal content is an equal policy.
 */

/** The policy document as stored: the parsed YAML object. */
export type PolicyDocument = Record<string, unknown>;

const built = new Map<string, { policy: Policy; kernel?: PolicyKernel }>();

/** SHA-256 of a text, as the engine hashes policy files. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Parses a policy file's YAML into its document (the loader has already accepted or refused the text). */
export function documentOfYaml(text: string): PolicyDocument {
  try {
    const parsed: unknown = parseYaml(text);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as PolicyDocument) : {};
  } catch {
    return {};
  }
}

/** Builds a policy from a document, or throws the engine's POLICY_INVALID with every problem. */
export function buildPolicyFromDocument(document: PolicyDocument, label: string, code: string): Policy {
  return buildPolicy(JSON.stringify(document), label, code);
}

/** The engine's Policy of an accepted version: version label and content hash are the row's. */
export function policyOfVersion(row: PolicyVersionRow): Policy {
  const cached = built.get(row.content_sha256);
  if (cached) return cached.policy;
  if (row.status !== 'active')
    throw new AppError(
      'POLICY_INVALID',
      `政策 ${row.code} 第 ${row.version_no} 版未通过加载检查，不能使用`,
      parseProblems(row.problems),
    );
  const policy = {
    ...buildPolicyFromDocument(
      JSON.parse(row.definition) as PolicyDocument,
      `${row.code}（第 ${row.version_no} 版）`,
      row.code,
    ),
    version: row.version,
    contentSha256: row.content_sha256,
  };
  built.set(row.content_sha256, { policy });
  return policy;
}

/** The compiled column kernel of an accepted version, compiled once. */
export function kernelOfVersion(row: PolicyVersionRow): PolicyKernel {
  const policy = policyOfVersion(row);
  const entry = built.get(row.content_sha256) as { policy: Policy; kernel?: PolicyKernel };
  entry.kernel ??= compilePolicy(policy);
  return entry.kernel;
}

/** The stored problem list of a refused version. */
export function parseProblems(problems: string | null): string[] {
  return problems ? (JSON.parse(problems) as string[]) : [];
}

/** The engine's errors as the product's AppError (same code, same Chinese message, problems as details). */
export function toAppError(error: unknown): unknown {
  if (!(error instanceof PolicyError)) return error;
  return new AppError(error.code, error.message, error.problems.length > 0 ? error.problems : undefined);
}

/** Runs engine work, turning its errors into AppErrors. */
export function withEngineErrors<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    throw toAppError(error);
  }
}
