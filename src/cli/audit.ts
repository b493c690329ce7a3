import type { Command } from 'commander';
import { verifyAuditChain, type AuditVerification } from '../platform/audit/audit-verify.ts';
import { withAppContext } from './context.ts';
import { runCommand } from './output.ts';

const HELP = `
结果与退出码：
  0  审计日志完整：每条记录的 HMAC-SM3 哈希可用审计密钥验证，且覆盖所有检查点
  1  发现问题，报告第一处（按序号）：
       链接断裂     第 S 条与前一条不衔接（中间记录被删除或插入）
       内容被修改   第 S 条的内容与其哈希不符
       哈希被重算   第 S 条起的哈希无法用审计密钥验证（修改后用不带密钥的 SM3 重算）
       截断         检查点记录到第 S 条，但该条或其前的记录已不在（末尾或全部记录被删除）
       检查点无效   检查点文件或检查点表中有签名无法验证的记录
  2  用法错误
检查点：每写入若干条或每隔若干分钟（见安全设置 audit_checkpoint_every_*）签发一次，
写入数据目录的 audit-checkpoints.jsonl，PostgreSQL 模式下同时写入只追加的 audit_checkpoints 表。`;

/** `yangfan audit verify`: verify the keyed chain against its checkpoints and report the first problem. */
export function registerAuditCommands(program: Command): void {
  const audit = program.command('audit').description('审计日志');
  audit
    .command('verify')
    .description('校验审计日志：HMAC-SM3 哈希链与签名检查点，报告篡改、截断与重算')
    .option('--json', 'JSON 输出')
    .addHelpText('after', HELP)
    .action(async (options: { json?: boolean }) => {
      await runCommand(
        options,
        () => withAppContext((ctx) => verifyAuditChain(ctx.db)),
        describeVerification,
        (r) => !r.ok,
      );
    });
}

/** The verification in one Chinese sentence for the operator. */
export function describeVerification(r: AuditVerification): string {
  const checkpoint = r.last_checkpoint
    ? `最近检查点：第 ${r.last_checkpoint.seq} 条（共 ${r.last_checkpoint.row_count} 条，${r.last_checkpoint.at}）`
    : '尚无检查点';
  const waiting = r.unsealed ? `；另有 ${r.unsealed.count} 条刚提交、尚待封链（下次校验时纳入）` : '';
  if (r.ok) return `审计日志完整：已校验 ${r.checked} 条；${checkpoint}${waiting}`;
  const id = r.first_broken?.id;
  const problem = {
    link_mismatch: `审计日志链接断裂：第 ${id} 条与前一条不衔接（记录被删除或插入）`,
    hash_mismatch: `审计日志被篡改：第 ${id} 条的内容与其哈希不符`,
    recomputed: `审计日志哈希被重算：第 ${id} 条起的哈希无法用审计密钥验证`,
    truncated: `审计日志被截断：检查点记录到第 ${id} 条，但该条或其前的记录已不在`,
    checkpoint_invalid: '审计检查点无效：有检查点的签名无法验证',
  }[r.first_broken?.reason ?? 'hash_mismatch'];
  return `${problem}；此前 ${r.checked} 条完好；${checkpoint}`;
}
