import type { AppContext } from '../../app-context.ts';
import type { Db } from '../../db/database.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import type { Actor, CurrentUser } from '../../platform/auth/current-user.ts';
import { normalizeIdentifier } from '../../platform/identifiers/normalize.ts';
import type { RawCell } from '../imports/import-kind.ts';
import { loadActiveUsccOverrides } from '../reference/uscc-overrides.service.ts';
import { parseEnterpriseRow, type EnterpriseRecord } from './enterprises.parse.ts';
import * as exchange from './exchange.repository.ts';
import { writeEnterprises, type RowOutcome } from './register-write.ts';

/** One pushed enterprise: the import's columns under their English names (SPEC §3). */
export type PushItem = Record<string, string | null | undefined>;

export interface PushResult {
  index: number;
  uscc: string;
  status: RowOutcome['status'];
  notes: string[];
  reasons: { code: string; column: string | null; message: string }[];
}

export interface PushResponse {
  accepted: number;
  unchanged: number;
  rejected: number;
  results: PushResult[];
}

export type PushAnswer = { kind: 'fresh' | 'replayed'; response: PushResponse } | { kind: 'key_reused' };

/**
 * Applies a push from the 工信 side through the import's own parser and writer, once per
 * idempotency key: the same key with the same body replays the stored answer, with another
 * body it is refused. Keys are scoped to the calling account, so two systems cannot collide.
 */
export async function pushEnterprises(
  ctx: AppContext,
  actor: Actor & { user: CurrentUser },
  idempotencyKey: string,
  body: { enterprises: PushItem[] },
): Promise<PushAnswer> {
  const key = `${actor.user.id}:${idempotencyKey}`;
  const requestHash = ctx.cipher.requestDigest(canonicalJson(body));
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      const stored = await exchange.findExchangeRequest(trx, key);
      if (stored) return answerStored(stored, requestHash);
      const response = await applyPush(trx, ctx, body.enterprises, `exchange:${idempotencyKey}`);
      await exchange.insertExchangeRequest(trx, {
        idempotency_key: key,
        token_owner_id: actor.user.id,
        request_hash: requestHash,
        status_code: 200,
        response: JSON.stringify(response),
        created_at: ctx.clock().toISOString(),
      });
      const { results: _results, ...counts } = response;
      await appendAudit(
        trx,
        ctx.dialect,
        actor,
        {
          action: 'enterprises.exchange.push',
          outcome: 'success',
          objectType: 'exchange_request',
          objectId: idempotencyKey,
          details: { ...counts, via: actor.user.via },
        },
        ctx.clock(),
      );
      return { kind: 'fresh' as const, response };
    });
  } catch (error) {
    // A concurrent push with the same key committed first (its row won the primary key): answer as it did.
    if (!isUniqueViolation(error)) throw error;
    const stored = await exchange.findExchangeRequest(ctx.db, key);
    if (!stored) throw error;
    return answerStored(stored, requestHash);
  }
}

function answerStored(stored: { request_hash: string; response: string }, requestHash: string): PushAnswer {
  if (stored.request_hash !== requestHash) return { kind: 'key_reused' };
  return { kind: 'replayed', response: JSON.parse(stored.response) as PushResponse };
}

async function applyPush(trx: Db, ctx: AppContext, items: PushItem[], source: string): Promise<PushResponse> {
  const results: PushResult[] = [];
  const valid: { line: number; record: EnterpriseRecord }[] = [];
  const usccOverrides = await loadActiveUsccOverrides(trx);
  items.forEach((item, index) => {
    const parsed = parseEnterpriseRow(item as Record<string, RawCell>, usccOverrides);
    if (parsed.ok) valid.push({ line: index, record: parsed.record });
    else
      results[index] = {
        index,
        uscc: normalizeIdentifier(item.uscc ?? ''),
        status: 'rejected',
        notes: [],
        reasons: parsed.rejects,
      };
  });
  for (const outcome of await writeEnterprises(trx, ctx, valid, source)) {
    results[outcome.line] = {
      index: outcome.line,
      uscc: outcome.uscc,
      status: outcome.status,
      notes: outcome.notes,
      reasons: outcome.rejects,
    };
  }
  const count = (status: RowOutcome['status']) => results.filter((r) => r.status === status).length;
  return { accepted: count('accepted'), unchanged: count('unchanged'), rejected: count('rejected'), results };
}

/** JSON with object keys sorted, so the same body hashes the same whatever its key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23505' || (typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT'));
}
