import type { Command } from 'commander';
import { calculateCompensationFor } from '../modules/labour/compensation.service.ts';
import { COMPENSATION_KINDS, type CompensationKind } from '../modules/labour/compensation.ts';
import { formatYuan } from '../policies/values.ts';
import { withAppContext } from './context.ts';
import { runCommand, usageError, type CommandOptions } from './output.ts';

/**
 * `yangfan compensation --wage <yuan> --from <date> --to <date> --kind severance|unlawful|notice
 * [--region C]` (SPEC §4): 经济补偿, 赔偿金 or 代通知金 with each step explained and cited. With
 * `--region` the region's loaded average wage of the previous year caps a high wage.
 */

interface CompensationOptions extends CommandOptions {
  wage?: string;
  from?: string;
  to?: string;
  kind?: string;
  region?: string;
}

const KIND_NAMES: Record<CompensationKind, string> = { severance: '经济补偿', unlawful: '赔偿金', notice: '代通知金' };

/** Registers the `compensation` command. */
export function registerCompensationCommand(program: Command): void {
  program
    .command('compensation')
    .description('劳动合同解除的经济补偿、赔偿金、代通知金计算（劳动合同法 第四十七、八十七、四十条）')
    .option('--wage <yuan>', '月工资（元）：解除前十二个月平均工资；代通知金为上一个月工资')
    .option('--from <YYYY-MM-DD>', '入职日期')
    .option('--to <YYYY-MM-DD>', '劳动合同解除或终止之日')
    .option('--kind <kind>', 'severance 经济补偿 | unlawful 赔偿金 | notice 代通知金', 'severance')
    .option('--region <code>', '用人单位所在地区代码：按该地区上年度职工月平均工资核对三倍封顶')
    .option('--json', 'JSON 输出')
    .action(async (options: CompensationOptions) => {
      await runCommand(options, () => calculate(options), describe);
    });
}

async function calculate(options: CompensationOptions) {
  if (!options.wage || !options.from || !options.to) usageError('请给出 --wage、--from 和 --to');
  if (!COMPENSATION_KINDS.includes(options.kind as CompensationKind))
    usageError(`--kind 应为 severance、unlawful 或 notice：${options.kind}`);
  if (options.region !== undefined && !/^\d{6}$/.test(options.region))
    usageError(`地区代码应为 6 位数字：${options.region}`);
  const request = {
    kind: options.kind as CompensationKind,
    wage: options.wage,
    from: options.from,
    to: options.to,
    region: options.region,
  };
  // Only the region's average wage needs the database; without --region none is opened.
  const result = options.region
    ? await withAppContext((ctx) => calculateCompensationFor(ctx, request))
    : await calculateCompensationFor(null, request);
  const { amount_fen, months, explanation, ...rest } = result;
  return { amount_fen, months, explanation, ...rest };
}

function describe(result: Awaited<ReturnType<typeof calculate>>): string {
  return [
    `${KIND_NAMES[result.kind]}：${formatYuan(result.amount_fen)}（${result.months} 个月）`,
    ...result.explanation.map((line) => `  ${line}`),
  ].join('\n');
}
