import type { Command } from 'commander';
import { analyseOneMessage } from '../modules/opinion/analyse.service.ts';
import { withAppContext } from './context.ts';
import { runCommand, usageError } from './output.ts';

/** `yangfan opinion analyse --text <t> [--json]` (SPEC §4): linking and classification of one message. */
export function registerOpinionCommands(program: Command): void {
  const opinion = program.command('opinion').description('舆情监测');
  opinion
    .command('analyse')
    .description('对一条留言做企业关联与主题、倾向分类（对照数据库中的培育库）')
    .option('--text <text>', '留言文本')
    .option('--json', 'JSON 输出')
    .action(async (options: { text?: string; json?: boolean }) => {
      await runCommand(
        options,
        () => {
          if (!options.text?.trim()) usageError('请用 --text 给出留言文本');
          return withAppContext((ctx) => analyseOneMessage(ctx, options.text!));
        },
        (answer) =>
          [
            `涉及企业：${answer.enterprises.length > 0 ? answer.enterprises.join('、') : '无'}`,
            ...(answer.ambiguous.length > 0
              ? [`待确认：${answer.ambiguous.map((a) => `${a.alias}（${a.candidates.length} 家）`).join('、')}`]
              : []),
            `主题：${answer.topic}；倾向：${answer.tone}；规则版本 ${answer.rules_version}`,
          ].join('\n'),
      );
    });
}
