import type { TestApp } from '../../../test/app.ts';

/** The password test seekers register with. */
export const SEEKER_PASSWORD = 'Seeker#Strong2026';

/** The verification code in the newest message queued for a person (the outbox body). */
export async function latestCode(t: TestApp): Promise<string> {
  const row = await t.ctx.db
    .selectFrom('benefit_outbox')
    .select(['payload', 'recipient', 'address_masked'])
    .where('recipient', 'like', 'direct:%')
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
  return /(\d{6})/.exec(JSON.parse(row.payload).body as string)![1]!;
}

/** Registers a seeker through the API and answers their session cookie. */
export async function registerAndLogin(t: TestApp, contact: string, name = '王小明'): Promise<string> {
  const sent = await t.app.inject({
    method: 'POST',
    url: '/api/v1/job-seekers/verification-codes',
    payload: { contact },
  });
  if (sent.statusCode !== 201) throw new Error(sent.body);
  const code = await latestCode(t);
  const registered = await t.app.inject({
    method: 'POST',
    url: '/api/v1/job-seekers',
    payload: { contact, code, password: SEEKER_PASSWORD, name },
  });
  if (registered.statusCode !== 201) throw new Error(registered.body);
  const login = await t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username: contact, password: SEEKER_PASSWORD },
  });
  if (login.statusCode !== 200) throw new Error(login.body);
  return String(login.headers['set-cookie']).split(';')[0]!;
}
