import pg from 'pg';

/**
 * A scratch PostgreSQL database for one e2e run, created through the server named by
 * `adminUrl` (any database the user may connect to) and dropped by `drop()`.
 */
export async function createScratchDatabase(adminUrl) {
  const name = `yangfan_e2e_${process.pid}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;

  async function drop() {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(`drop database if exists ${name} with (force)`);
    } finally {
      await client.end();
    }
  }
  return { url: url.toString(), name, drop };
}
