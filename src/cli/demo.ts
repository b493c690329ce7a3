import type { Command } from 'commander';
import { DEFAULT_DEMO_SEED, DEMO_SCALES, isDemoScaleName } from '../modules/demo/demo-scales.ts';
import { seedDemoGovernanceRounds } from '../modules/demo/demo-governance-rounds.ts';
import { loadDemoData, type DemoProgress } from '../modules/demo/demo.service.ts';
import { withAppContext } from './context.ts';
import { runCommand, usageError } from './output.ts';

/** `yangfan demo [--scale small|province] [--seed N]`: fills an empty database with synthetic Jiangsu data. */
export function registerDemoCommand(program: Command): void {
  program
    .command('demo')
    .description(
      '向空数据库载入演示数据（江苏 13 市及昆山、泰兴、沭阳的企业、参保人员、24 个月名单与缴费、人员登记信息）',
    )
    .option(
      '--scale <scale>',
      `规模：${Object.values(DEMO_SCALES)
        .map((s) => `${s.name}（${s.enterprises} 家企业，约 ${s.persons} 人）`)
        .join('、')}`,
      'small',
    )
    .option('--seed <n>', '随机种子：同一种子生成相同的数据', String(DEFAULT_DEMO_SEED))
    .option('--postings <n>', '已发布岗位信息条数（默认约为企业数的一半；检索基准测试用 200000）')
    .option('--json', 'JSON 输出')
    .action(async (options: { scale: string; seed: string; postings?: string; json?: boolean }) => {
      await runCommand(
        options,
        () => {
          if (!isDemoScaleName(options.scale))
            usageError(`规模应为 ${Object.keys(DEMO_SCALES).join('、')} 之一：${options.scale}`);
          const seed = Number(options.seed);
          if (!Number.isSafeInteger(seed) || seed < 0) usageError(`随机种子应为非负整数：${options.seed}`);
          const postings = options.postings === undefined ? undefined : Number(options.postings);
          if (postings !== undefined && (!Number.isSafeInteger(postings) || postings < 0 || postings > 1_000_000))
            usageError(`岗位信息条数应为 0 到 1000000 的整数：${options.postings}`);
          const scale = options.scale;
          return withAppContext(async (ctx) => {
            const summary = await loadDemoData(ctx, {
              scale,
              seed,
              ...(postings !== undefined ? { postings } : {}),
              onProgress: progressPrinter(),
            });
            // With the demo accounts in place: approvals, a survey round with its catalogue, 调度, 部门会商 (once).
            await seedDemoGovernanceRounds(ctx);
            return summary;
          });
        },
        (r) =>
          [
            `演示数据已载入（规模 ${r.scale}，种子 ${r.seed}，用时 ${r.seconds} 秒）：`,
            `  企业 ${r.enterprises} 家（认定记录 ${r.recognitions} 条），参保人员 ${r.persons} 人，就业记录 ${r.spells} 段，`,
            `  月度名单 ${r.roster_periods} 个、缴费汇总 ${r.contributions} 条；毕业生 ${r.graduates}、技能证书 ${r.skill_certificates}、`,
            `  职称 ${r.professional_titles}、失业登记 ${r.unemployment_registrations}、脱贫/监测对象 ${r.poverty_status}；`,
            `  已发布岗位信息 ${r.postings.postings} 条（在有效期内 ${r.postings.open} 条，已建检索索引）；`,
            `  专场招聘会 ${r.recruitment.fairs} 场，求职者 ${r.recruitment.seekers} 人，投递 ${r.recruitment.applications} 份，引才活动 ${r.recruitment.campaigns} 项；`,
            `  培训项目 ${r.skills.programmes} 个、培训记录 ${r.skills.training_records} 条，见习基地 ${r.skills.internship_bases} 家、` +
              `见习人员 ${r.skills.trainees} 人、省级示范见习基地 ${r.skills.demonstration_bases} 家，` +
              `技能等级自主评价企业 ${r.skills.self_evaluation_enterprises} 家、其发证 ${r.skills.issued_certificates} 本` +
              `（技能人才数据用时 ${r.skills.seconds} 秒）。`,
          ].join('\n'),
      );
    });
}

// Progress goes to stderr, so `--json` output on stdout stays one clean line.
function progressPrinter(): (progress: DemoProgress) => void {
  return ({ enterprisesDone, enterprisesTotal, persons, seconds }) => {
    const line = `已生成企业 ${enterprisesDone}/${enterprisesTotal}，人员 ${persons}，${seconds} 秒`;
    process.stderr.write(process.stderr.isTTY ? `\r${line}` : `${line}\n`);
    if (process.stderr.isTTY && enterprisesDone === enterprisesTotal) process.stderr.write('\n');
  };
}
