import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { checkDiscrimination, type DiscriminationFlag } from '../modules/recruitment/discrimination.ts';
import { rebuildSearchIndex } from '../modules/recruitment/search/search-index.ts';
import { searchJobs } from '../modules/recruitment/search/search.service.ts';
import { withAppContext } from './context.ts';
import { runCommand, usageError, type CommandOptions } from './output.ts';

interface JobsCheckOptions extends CommandOptions {
  text?: string;
  file?: string;
}

interface JobsCheckAnswer {
  flags: Array<Pick<DiscriminationFlag, 'category' | 'rule' | 'match'> & { categoryName: string; basis: string }>;
}

/** `yangfan jobs check`: the discrimination check of a posting's text (SPEC §2.6, §4). */
export function registerJobsCommands(program: Command): void {
  const jobs = program.command('jobs').description('招聘专区：岗位信息检查与检索');

  jobs
    .command('check')
    .description(
      '检查岗位信息文本中可能构成就业歧视的表述（规则见 reference/recruitment/discrimination-rules.json）；发现时退出码 1',
    )
    .option('--text <text>', '要检查的文本')
    .option('--file <file>', '要检查的 UTF-8 文本文件')
    .option('--json', 'JSON 输出')
    .action(async (options: JobsCheckOptions) => {
      await runCommand(
        options,
        (): JobsCheckAnswer => {
          if ((options.text === undefined) === (options.file === undefined)) usageError('请给出 --text 或 --file 之一');
          let text = options.text ?? '';
          if (options.file !== undefined) {
            try {
              text = readFileSync(options.file, 'utf8');
            } catch {
              usageError(`无法读取文件：${options.file}`);
            }
          }
          return {
            flags: checkDiscrimination(text).map((f) => ({
              category: f.category,
              rule: f.rule,
              match: f.match,
              categoryName: f.categoryName,
              basis: f.basis,
            })),
          };
        },
        (answer) =>
          answer.flags.length === 0
            ? '未发现可能构成就业歧视的表述'
            : [
                `发现 ${answer.flags.length} 处可能构成就业歧视的表述：`,
                ...answer.flags.map((f) => `  「${f.match}」 ${f.categoryName}（${f.rule}）— ${f.basis}`),
              ].join('\n'),
        (answer) => answer.flags.length > 0,
      );
    });

  jobs
    .command('search <query>')
    .description('检索已发布且在有效期内的岗位信息（与公众岗位检索同一排序）')
    .option('--region <code>', '工作地点：设区市或县级行政区划代码')
    .option('--city <code>', '同 --region')
    .option('--page <n>', '页码（每页 20 条）', '1')
    .option('--json', 'JSON 输出')
    .action(async (query: string, options: JobsSearchOptions) => {
      await runCommand(
        options,
        () => {
          const page = Number(options.page ?? '1');
          if (!Number.isInteger(page) || page < 1 || page > 1000) usageError('--page 应为 1 到 1000 的整数');
          const region = options.region ?? options.city;
          if (region !== undefined && !/^\d{6}$/.test(region)) usageError('--region 应为 6 位行政区划代码');
          if (!query.trim()) usageError('请给出检索词');
          return withAppContext(async (ctx): Promise<JobsSearchAnswer> => {
            const found = await searchJobs(ctx, { q: query, page, ...(region ? { region } : {}) });
            return {
              items: found.items.map((i) => ({
                id: i.id,
                title: i.title,
                enterprise: i.enterpriseName,
                region: i.regionName ?? i.regionCode,
                region_code: i.regionCode,
                salary: [i.salaryMin, i.salaryMax],
                score: i.score,
              })),
              total: found.total,
              page: found.page,
            };
          });
        },
        (answer) =>
          [
            `共 ${answer.total} 条，第 ${answer.page} 页`,
            ...answer.items.map(
              (i) => `  #${i.id} ${i.title} — ${i.enterprise}（${i.region}）月薪 ${i.salary[0]}–${i.salary[1]} 元`,
            ),
          ].join('\n'),
      );
    });

  jobs
    .command('reindex')
    .description('重建岗位检索索引（词典变化或批量写入岗位后）')
    .option('--json', 'JSON 输出')
    .action(async (options: CommandOptions) => {
      await runCommand(
        options,
        () =>
          withAppContext(async (ctx) => {
            const started = Date.now();
            const indexed = await rebuildSearchIndex(ctx, ctx.clock().toISOString());
            return { indexed, seconds: Math.round((Date.now() - started) / 100) / 10 };
          }),
        (answer) => `已索引 ${answer.indexed} 条已发布岗位，用时 ${answer.seconds} 秒`,
      );
    });
}

interface JobsSearchOptions extends CommandOptions {
  region?: string;
  city?: string;
  page?: string;
}

interface JobsSearchAnswer {
  items: Array<{
    id: number;
    title: string;
    enterprise: string;
    region: string;
    region_code: string;
    salary: [number, number];
    score: number;
  }>;
  total: number;
  page: number;
}
