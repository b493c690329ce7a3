/** Asia/Shanghai (UTC+8, no daylight saving) is the product's time zone (SPEC §0). */
const SHANGHAI_OFFSET = '+08:00';

/** The UTC instant at which a Shanghai calendar day begins, as stored ISO text. */
export function shanghaiDayStart(date: string): string {
  return new Date(`${date}T00:00:00${SHANGHAI_OFFSET}`).toISOString();
}

/** The calendar day after an ISO date. */
export function nextIsoDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** Today's date in Shanghai as YYYY-MM-DD. */
export function shanghaiToday(now: Date): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}
