import { randomBytes } from 'node:crypto';
import type { Command } from 'commander';
import { systemActor } from '../platform/auth/current-user.ts';
import { createUser } from '../modules/accounts/users.service.ts';
import { withAppContext } from './context.ts';
import { runCommand } from './output.ts';

interface UserAddOptions {
  role: string;
  region?: string;
  uscc?: string;
  password?: string;
  name?: string;
  phone?: string;
  json?: boolean;
}

/** `yangfan user add`: create an account from the command line (first administrators, scripted set-up). */
export function registerUserCommands(program: Command): void {
  const user = program.command('user').description('账号管理');
  user
    .command('add <username>')
    .description('新建账号；需要动态验证码的角色输出 TOTP 密钥（base32）')
    .requiredOption('--role <role>', '角色代码，如 province_hrss、city_hrss、enterprise')
    .option('--region <code>', '地区代码（市/县人社、服务专员必填）')
    .option('--uscc <code>', '统一社会信用代码（企业账号必填）')
    .option('--password <password>', '初始密码（不填则随机生成并输出）')
    .option('--name <name>', '显示名称（默认同用户名）')
    .option('--phone <phone>', '手机号码')
    .option('--json', 'JSON 输出')
    .action(async (username: string, options: UserAddOptions) => {
      const generated = options.password ? undefined : `Yf-${randomBytes(9).toString('base64url')}7`;
      await runCommand(
        options,
        () =>
          withAppContext(async (ctx) => {
            const { user: created, totpSecret } = await createUser(ctx, systemActor('cli:user add'), {
              username,
              displayName: options.name ?? username,
              role: options.role,
              regionCode: options.region,
              uscc: options.uscc,
              password: options.password ?? generated!,
              phone: options.phone,
            });
            return {
              username: created.username,
              role: created.role,
              ...(totpSecret ? { totp_secret: totpSecret } : {}),
              ...(generated ? { password: generated } : {}),
            };
          }),
        (r) =>
          [
            `已创建账号 ${r.username}（${r.role}）`,
            r.password ? `初始密码：${r.password}` : '',
            r.totp_secret ? `TOTP 密钥：${r.totp_secret}（请在验证器应用中添加）` : '',
          ]
            .filter(Boolean)
            .join('\n'),
      );
    });
}
