#!/usr/bin/env node
// `npm run test:pg`: the whole suite on SQLite and on the local PostgreSQL (database `test`).
import { spawnSync } from 'node:child_process';

const env = {
  ...process.env,
  YANGFAN_TEST_PG: process.env.YANGFAN_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test',
};
const result = spawnSync('npx', ['vitest', 'run', ...process.argv.slice(2)], { stdio: 'inherit', env });
process.exit(result.status ?? 1);
