import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { checkDiscrimination, type DiscriminationFlag } from '../modules/recruitment/discrimination.ts';
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
}
