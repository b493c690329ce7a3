import { AppError, isAppError, toErrorBody } from '../platform/errors.ts';

/** Exit codes of SPEC §4: 0 success, 1 failure, 2 bad usage or an unusable file. */
export const EXIT = { ok: 0, failure: 1, usage: 2 } as const;

const USAGE_CODES = new Set([
  'VALIDATION_FAILED',
  'BAD_REQUEST',
  'INVALID_DATE',
  'IMPORT_HEADER_INVALID',
  'IMPORT_FILE_UNREADABLE',
  'IMPORT_KIND_UNKNOWN',
  'CALENDAR_FILE_INVALID',
]);

export interface CommandOptions {
  json?: boolean;
}

/**
 * Runs one CLI command: prints its result as JSON (`--json`) or as text, and turns any error
 * into the SPEC §5 error shape with the right exit code, never a stack trace.
 * `isFailure` lets a command report a negative answer (e.g. an invalid code) with exit 1.
 */
export async function runCommand<T>(
  options: CommandOptions,
  work: () => Promise<T> | T,
  describe: (result: T) => string,
  isFailure: (result: T) => boolean = () => false,
): Promise<void> {
  try {
    const result = await work();
    process.stdout.write(options.json ? `${JSON.stringify(result)}\n` : `${describe(result)}\n`);
    process.exitCode = isFailure(result) ? EXIT.failure : EXIT.ok;
  } catch (error) {
    reportError(options, error);
  }
}

export function reportError(options: CommandOptions, error: unknown): void {
  // The operator at the console sees the cause of an unexpected error (not its stack: YANGFAN_DEBUG=1 for that).
  const appError = isAppError(error)
    ? error
    : new AppError('INTERNAL', `系统内部错误：${(error as Error)?.message ?? String(error)}`);
  if (!isAppError(error) && process.env.YANGFAN_DEBUG) console.error(error);
  const body = toErrorBody(appError);
  if (options.json) process.stdout.write(`${JSON.stringify(body)}\n`);
  else process.stderr.write(`错误 [${body.error.code}]：${body.error.message}\n`);
  process.exitCode = USAGE_CODES.has(appError.code) ? EXIT.usage : EXIT.failure;
}

/** Throws a usage error (exit 2) with a Chinese message. */
export function usageError(message: string): never {
  throw new AppError('VALIDATION_FAILED', message);
}
