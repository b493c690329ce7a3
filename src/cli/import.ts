import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { systemActor } from '../platform/auth/current-user.ts';
import { AppError } from '../platform/errors.ts';
import { findImportKind, IMPORT_KINDS } from '../modules/imports/kinds.ts';
import { writeRejectsFile } from '../modules/imports/rejects-file.ts';
import { runImport } from '../modules/imports/runner.ts';
import { withAppContext } from './context.ts';
import { runCommand } from './output.ts';

/** `yangfan import <kind> <file>`: the same import as the web page, with progress on stderr. */
export function registerImportCommand(program: Command): void {
  program
    .command('import <kind> <file>')
    .description(`导入数据文件（CSV 或 XLSX）。类型：${IMPORT_KINDS.map((k) => `${k.kind}（${k.label}）`).join('、')}`)
    .option('--json', 'JSON 输出')
    .action(async (kindName: string, file: string, options: { json?: boolean }) => {
      await runCommand(
        options,
        async () => {
          const kind = findImportKind(kindName);
          if (!kind)
            throw new AppError(
              'IMPORT_KIND_UNKNOWN',
              `不支持的导入类型：${kindName}。可选：${IMPORT_KINDS.map((k) => k.kind).join('、')}`,
            );
          if (!existsSync(file)) throw new AppError('IMPORT_FILE_UNREADABLE', `文件不存在：${file}`);
          return withAppContext(async (ctx) => {
            const summary = await runImport(ctx, systemActor(`cli:import ${kindName}`), kind, file, {
              fileName: file,
              onProgress: progressPrinter(),
            });
            const rejectsFile =
              summary.rejected > 0
                ? await writeRejectsFile(ctx.db, ctx.config.dataDir, summary.run_id, kind.kind)
                : null;
            return {
              kind: summary.kind,
              file_sha256: summary.file_sha256,
              rows: summary.rows,
              accepted: summary.accepted,
              rejected: summary.rejected,
              unchanged: summary.unchanged,
              rejects_file: rejectsFile,
            };
          });
        },
        (r) =>
          `导入完成：共 ${r.rows} 行，接收 ${r.accepted}，未变化 ${r.unchanged}，拒绝 ${r.rejected}${r.rejects_file ? `；拒绝清单：${r.rejects_file}` : ''}`,
      );
    });
}

function progressPrinter() {
  if (!process.stderr.isTTY) return undefined;
  return ({ rows, bytesRead, totalBytes }: { rows: number; bytesRead: number; totalBytes: number }) => {
    const percent = totalBytes > 0 ? Math.floor((bytesRead / totalBytes) * 100) : 0;
    process.stderr.write(`\r已处理 ${rows} 行（${percent}%）`);
  };
}
