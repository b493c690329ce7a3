import { LayoutPage } from '../pages/layout.page.mjs';
import { LoginPage } from '../pages/login.page.mjs';

/** The demo account of that name from GET /api/v1/demo/accounts, or a clear failure. */
export function demoAccount(demoAccounts, username) {
  const account = demoAccounts.find((candidate) => candidate.username === username);
  if (!account) throw new Error(`demo account ${username} missing from /api/v1/demo/accounts`);
  return account;
}

/**
 * Runs steps as one demo account in a browser context of its own (so a failed spec never
 * leaves a session behind for the next), signing in first with its TOTP secret if it has one.
 */
export async function runAs(runner, { newContext, baseUrl, account, clockOffsetMs = 0 }, title, buildSteps) {
  const context = await newContext();
  const page = await context.newPage();
  const session = { page, layout: new LayoutPage(page) };
  const signIn = [
    `signs in as ${account.username}`,
    () =>
      new LoginPage(page, baseUrl).loginAs(account.username, account.password, {
        totpSecret: account.totpSecret,
        clockOffsetMs,
      }),
  ];
  const logOut = ['logs out', () => session.layout.logout()];
  await runner.spec(title, page, [signIn, ...buildSteps(session), logOut]);
  await context.close();
}
