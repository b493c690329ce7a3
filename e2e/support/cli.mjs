import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Runs `node bin/yangfan.mjs <args> --json` against the e2e server's database (its data
 * directory) and answers the parsed JSON, so a story can compare the page with the CLI.
 */
export function yangfanJson(args, { dataDir }) {
  const env = { ...process.env, YANGFAN_DATA_DIR: dataDir };
  delete env.DATABASE_URL;
  delete env.NODE_ENV;
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['bin/yangfan.mjs', ...args, '--json'],
      { cwd: ROOT, env, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) {
          reject(new Error(`yangfan ${args.join(' ')} failed (${error.code}): ${stderr || stdout}`));
          return;
        }
        try {
          resolve(JSON.parse(stdout));
        } catch {
          reject(new Error(`yangfan ${args.join(' ')} printed no JSON: ${stdout.slice(0, 300)}`));
        }
      },
    );
  });
}
