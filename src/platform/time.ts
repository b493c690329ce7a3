/** Asia/Shanghai (UTC+8, no daylight saving) is the product's time zone (SPEC §0). */
const SHANGHAI_OFFSET = '+08:00';

/** The UTC instant at which a Shanghai calendar day begins, as stored ISO text. */
export function shanghaiDayStart(date: string): string {
  return new Date(`${date}T00:00:00${SHANGHAI_OFFSET}`).toISOString();
}

/**
 * A moment as every page and file shows it: "2026-12-15 09:22" in Shanghai time (the web's
 * formatDateTime writes the same); an unreadable value is returned as it was.
 */
export function beijingMinute(at: string | Date | null | undefined): string | null {
  if (!at) return null;
  const date = typeof at === 'string' ? new Date(at) : at;
  if (Number.isNaN(date.getTime())) return String(at);
  return new Date(date.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}
