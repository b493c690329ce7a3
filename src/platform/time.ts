/** Asia/Shanghai (UTC+8, no daylight saving) is the product's time zone (SPEC §0). */
const SHANGHAI_OFFSET = '+08:00';

/** The UTC instant at which a Shanghai calendar day begins, as stored ISO text. */
export function shanghaiDayStart(date: string): string {
  return new Date(`${date}T00:00:00${SHANGHAI_OFFSET}`).toISOString();
}
