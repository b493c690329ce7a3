#!/usr/bin/env node
// `npm run bench [-- <name>] [options]`: runs bench/<name>.bench.ts through tsx, or every
// benchmark when no name is given. Options after the name go to the benchmark itself
// (e.g. `npm run bench -- import --rows 100000`). Exit status: the first failure's.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const benchDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'bench');
const available = readdirSync(benchDir)
  .filter((f) => f.endsWith('.bench.ts'))
  .map((f) => f.slice(0, -'.bench.ts'.length))
  .sort();
const [first, ...rest] = process.argv.slice(2);
const named = first !== undefined && !first.startsWith('-');
const names = named ? [first] : available;
const args = named ? rest : process.argv.slice(2);

const unknown = names.filter((name) => !available.includes(name));
if (unknown.length > 0) {
  console.error(`没有名为 ${unknown.join('、')} 的基准测试。可选：${available.join('、')}`);
  process.exit(2);
}

let status = 0;
for (const name of names) {
  console.log(`\n=== bench ${name} ===`);
  // Each benchmark runs in its own process, so one's memory and timers never colour another's.
  const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(benchDir, `${name}.bench.ts`), ...args], {
    stdio: 'inherit',
  });
  if (result.status !== 0 && status === 0) status = result.status ?? 1;
}
process.exit(status);
