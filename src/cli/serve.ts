import cluster from 'node:cluster';
import type { Command } from 'commander';
import type { AppContext } from '../app-context.ts';
import { createAppContext, prepareDatabase } from '../bootstrap.ts';
import { loadConfig } from '../config.ts';
import { listDemoLogins, seedDemoAccounts } from '../modules/accounts/demo-accounts.ts';
import { seedDemoGovernance } from '../modules/demo/demo-governance.ts';
import { seedDemoGovernanceRounds } from '../modules/demo/demo-governance-rounds.ts';
import { DEFAULT_DEMO_SEED } from '../modules/demo/demo-scales.ts';
import { isRegisterEmpty, loadDemoData } from '../modules/demo/demo.service.ts';
import { countUsers } from '../modules/accounts/users.repository.ts';
import { toNumber } from '../db/convert.ts';
import { ensureWebBuilt } from '../platform/http/web-build.ts';
import { AppError } from '../platform/errors.ts';
import { startServer } from '../server.ts';
import { reportError } from './output.ts';
import { backgroundLog, runProcesses } from './processes.ts';
import { startBackgroundJobs } from '../background-jobs.ts';

/** `serve` runs the server on a prepared database; `start` (npm start) also builds the web app and loads demo data into an empty database. */
export function registerServeCommands(program: Command): void {
  program
    .command('serve')
    .description('启动 Web 服务与 API（迁移数据库、加载参考数据）')
    .option('--port <port>', '端口（默认 PORT 或 3000）')
    .option('--processes <n>', '服务进程数（PostgreSQL；各进程共用端口、会话、限流与任务队列）', '1')
    .option('--no-jobs', 'PostgreSQL：本进程只发送后台任务，不执行（由 yangfan worker 执行）')
    .option('--json', '以 JSON 输出启动信息')
    .action(async (options: ServeOptions) => {
      await runProcesses(options, () => run(options, { demo: false, buildWeb: false }));
    });

  program
    .command('start')
    .description('一键启动：构建前端、迁移、加载参考数据、演示账号与演示数据（空库时）、启动服务并打印演示登录信息')
    .option('--port <port>', '端口（默认 PORT 或 3000）')
    .option('--json', '以 JSON 输出启动信息')
    .action(async (options: { port?: string; json?: boolean }) => {
      await run(options, { demo: true, buildWeb: true });
    });
}

interface ServeOptions {
  port?: string;
  json?: boolean;
  /** `--no-jobs` makes it false. */
  jobs?: boolean;
  processes?: string;
}

async function run(options: ServeOptions, mode: { demo: boolean; buildWeb: boolean }): Promise<void> {
  try {
    const config = loadConfig();
    // `start` is the explicit demo flag: demo logins are listed only by a server started so.
    if (mode.demo && config.environment !== 'production') config.demo = true;
    // The one-command demo keeps the console for the banner; request logs come back with LOG_LEVEL=info.
    if (mode.demo && !process.env.LOG_LEVEL) config.logLevel = 'warn';
    const port = options.port === undefined ? config.port : Number(options.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      throw new AppError('VALIDATION_FAILED', `端口 ${options.port} 无效`);
    if (mode.buildWeb) ensureWebBuilt((line) => console.log(line));
    const ctx = createAppContext(config);
    // Under `--processes N` the first process prepared the database before starting this one.
    if (!cluster.isWorker) await prepareDatabase(ctx);
    const isEmpty = toNumber((await countUsers(ctx.db)).total) === 0;
    if (mode.demo && isEmpty && config.environment !== 'production') await seedDemoAccounts(ctx);
    if (mode.demo && config.environment !== 'production') await loadDemoIntoEmptyRegister(ctx, options.json === true);
    // PostgreSQL: background work goes through the job queue in the database, worked here unless --no-jobs.
    if (ctx.dialect === 'postgres')
      await startBackgroundJobs(ctx, { work: options.jobs !== false, log: backgroundLog(config.logLevel) });
    const app = await startServer(ctx, port);
    const address = app.server.address();
    const url = `http://${config.host}:${typeof address === 'object' && address ? address.port : port}`;
    const logins = config.demo ? await listDemoLogins(ctx) : [];
    if (options.json) console.log(JSON.stringify({ url, database: ctx.dialect, logins }));
    else printBanner(url, ctx.dialect, logins);
    if (config.clockStart)
      console.error(
        `演示时钟：系统时间自 ${config.clockStart.toISOString()} 起走（YANGFAN_CLOCK_START，仅用于演示与培训）`,
      );
  } catch (error) {
    reportError(options, error);
  }
}

// After the demo accounts: the enterprise demo login's enterprise is part of the demo register.
async function loadDemoIntoEmptyRegister(ctx: AppContext, isJson: boolean): Promise<void> {
  if (!(await isRegisterEmpty(ctx))) return;
  const summary = await loadDemoData(ctx, { scale: 'small', seed: DEFAULT_DEMO_SEED });
  await seedDemoGovernance(ctx);
  await seedDemoGovernanceRounds(ctx);
  const line = `已向空数据库载入演示数据（small）：企业 ${summary.enterprises} 家、参保人员 ${summary.persons} 人、24 个月名单与缴费，用时 ${summary.seconds} 秒`;
  // With --json, stdout carries only the JSON line.
  if (isJson) console.error(line);
  else console.log(line);
}

function printBanner(url: string, dialect: string, logins: Awaited<ReturnType<typeof listDemoLogins>>): void {
  const lines = ['', `扬帆 Yangfan 已启动：${url}    数据库：${dialect}    接口文档：${url}/api/docs`];
  if (logins.length > 0) {
    lines.push(
      '',
      '演示账号（密码均为 ' + (logins[0]?.password ?? '') + '；带 TOTP 的账号需在验证器中添加密钥，或在登录页扫码）：',
    );
    for (const login of logins) {
      lines.push(
        `  ${login.username.padEnd(22)} ${login.roleLabel.padEnd(8)} ${login.totpSecret ? `TOTP 密钥 ${login.totpSecret}` : ''}`,
      );
    }
  }
  console.log(lines.join('\n'));
}
