import type { Command } from 'commander';
import { checkIdNumber, ID_NUMBER_REASONS, type IdNumberReason } from '../platform/identifiers/id-number.ts';
import { checkUscc, USCC_REASONS, type UsccReason } from '../platform/identifiers/uscc.ts';
import { runCommand, type CommandOptions } from './output.ts';

/** The SPEC §4 answer: `{"valid": true}` or `{"valid": false, "reason": CODE}`. */
interface CheckAnswer<Reason extends string> {
  valid: boolean;
  reason?: Reason;
}

/** `yangfan check uscc|id`: validate one identifier; exit 0 when valid, 1 when not. */
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
        (): CheckAnswer<UsccReason> => {
          const result = checkUscc(code);
          if (!result.valid) return { valid: false, reason: result.reason };
          regionCode = result.regionCode;
          return { valid: true };
        },
        (answer) =>
          answer.reason
            ? `无效：${USCC_REASONS[answer.reason]}（${answer.reason}）`
            : `有效：统一社会信用代码校验通过，登记管理机关行政区划码 ${regionCode}`,
        (answer) => !answer.valid,
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
          answer.reason ? `无效：${ID_NUMBER_REASONS[answer.reason]}（${answer.reason}）` : `有效：公民身份号码校验通过，${summary}`,
        (answer) => !answer.valid,
      );
    });
}
