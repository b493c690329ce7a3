import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/database.ts';
import { isOverridableUsccReason } from '../modules/reference/uscc-acceptance.ts';
import { findActiveUsccOverride } from '../modules/reference/uscc-overrides.service.ts';
import { checkIdNumber, ID_NUMBER_REASONS, type IdNumberReason } from '../platform/identifiers/id-number.ts';
import { checkUscc, USCC_REASONS, type UsccReason } from '../platform/identifiers/uscc.ts';
import { runCommand, type CommandOptions } from './output.ts';

/** The SPEC §4 answer: `{"valid": true}` or `{"valid": false, "reason": CODE}`. */
interface CheckAnswer<Reason extends string> {
  valid: boolean;
  reason?: Reason;
}

/** A credit code's answer; a failing code accepted by a recorded manual override carries it. */
interface UsccAnswer extends CheckAnswer<UsccReason> {
  override?: { id: number; evidence: string; recordedAt: string; recordedBy: string };
}

/** `yangfan check uscc|id`: validate one identifier; exit 0 when valid (or accepted by a manual override), 1 when not. */
export function registerCheckCommands(program: Command): void {
  const check = program.command('check').description('校验统一社会信用代码或公民身份号码');

  check
    .command('uscc <code>')
    .description('按 GB 32100-2015 校验统一社会信用代码（含组织机构代码校验位）')
    .option('--json', 'JSON 输出')
    .action(async (code: string, options: CommandOptions) => {
      let regionCode = '';
      await runCommand(
        options,
        async (): Promise<UsccAnswer> => {
          const result = checkUscc(code);
          if (!result.valid) {
            const override = isOverridableUsccReason(result.reason)
              ? await findOverrideInDatabase(result.normalized)
              : undefined;
            return { valid: false, reason: result.reason, ...(override ? { override } : {}) };
          }
          regionCode = result.regionCode;
          return { valid: true };
        },
        (answer) => {
          if (!answer.reason) return `有效：统一社会信用代码校验通过，登记管理机关行政区划码 ${regionCode}`;
          const failure = `${USCC_REASONS[answer.reason]}（${answer.reason}）`;
          if (!answer.override) return `无效：${failure}`;
          const { id, evidence, recordedAt, recordedBy } = answer.override;
          return `校验未通过，但已登记人工核验例外（第 ${id} 号，依据：${evidence}；${recordedBy} ${recordedAt.slice(0, 10)} 登记），导入时按例外接收：${failure}`;
        },
        // A failing code that an override accepts is accepted everywhere else too: exit 0.
        (answer) => !answer.valid && !answer.override,
      );
    });

  check
    .command('id <number>')
    .description('按 GB 11643-1999 校验 18 位公民身份号码（输出不回显号码）')
    .option('--json', 'JSON 输出')
    .action(async (number: string, options: CommandOptions) => {
      let summary = '';
      await runCommand(
        options,
        (): CheckAnswer<IdNumberReason> => {
          const result = checkIdNumber(number);
          if (!result.valid) return { valid: false, reason: result.reason };
          summary = `出生日期 ${result.birthDate}，性别${result.sex === 'male' ? '男' : '女'}`;
          return { valid: true };
        },
        (answer) =>
          answer.reason
            ? `无效：${ID_NUMBER_REASONS[answer.reason]}（${answer.reason}）`
            : `有效：公民身份号码校验通过，${summary}`,
        (answer) => !answer.valid,
      );
    });
}

/**
 * The override in force for a failing code, read from the configured database as it is (no
 * migration for a mere check). Where there is no database yet there is no override; a database
 * that cannot be read is said on stderr and the check's own verdict stands.
 */
async function findOverrideInDatabase(code: string): Promise<UsccAnswer['override']> {
  const config = loadConfig();
  if (config.database.dialect === 'sqlite' && !existsSync(config.database.path)) return undefined;
  const handle = openDatabase(config.database);
  try {
    return await findActiveUsccOverride(handle.db, code);
  } catch (error) {
    process.stderr.write(`注意：未能读取信用代码人工核验例外登记（${(error as Error).message}），以下按校验结果作答\n`);
    return undefined;
  } finally {
    await handle.close();
  }
}
