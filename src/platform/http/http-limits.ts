import { readFileSync } from 'node:fs';

/** Bounds on the work one HTTP request may cause; data with their sources (reference/security/http-limits.json). */
export interface HttpLimits {
  /** Largest JSON body of a route anyone may call. */
  anonymousBodyMaxBytes: number;
  /** Largest JSON body of a signed-in route. */
  bodyMaxBytes: number;
  /** Most object keys plus array elements in the JSON body of a route anyone may call. */
  anonymousJsonMaxValues: number;
  /** Most object keys plus array elements in a signed-in JSON body. */
  jsonMaxValues: number;
  /** Most problems one error answer lists; the rest are counted. */
  errorProblemsMax: number;
  /** Time from receipt to answer of a route anyone may call. */
  anonymousRequestTimeBudgetMs: number;
  /** Time to receive a whole request, body included. */
  requestReceiveTimeoutMs: number;
}

const FILE = new URL('../../../reference/security/http-limits.json', import.meta.url);

let cached: HttpLimits | undefined;

/** The HTTP limits, read once. */
export function loadHttpLimits(): HttpLimits {
  cached ??= readHttpLimits();
  return cached;
}

function readHttpLimits(): HttpLimits {
  const { limits } = JSON.parse(readFileSync(FILE, 'utf8')) as { limits: { key: string; value: number }[] };
  const value = (key: string): number => {
    const found = limits.find((limit) => limit.key === key);
    if (!found || !Number.isInteger(found.value) || found.value <= 0)
      throw new Error(`HTTP 限额 reference/security/http-limits.json 缺少正整数 ${key}`);
    return found.value;
  };
  return {
    anonymousBodyMaxBytes: value('anonymous_body_max_bytes'),
    bodyMaxBytes: value('body_max_bytes'),
    anonymousJsonMaxValues: value('anonymous_json_max_values'),
    jsonMaxValues: value('json_max_values'),
    errorProblemsMax: value('error_problems_max'),
    anonymousRequestTimeBudgetMs: value('anonymous_request_time_budget_ms'),
    requestReceiveTimeoutMs: value('request_receive_timeout_ms'),
  };
}
