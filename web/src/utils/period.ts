/** Periods of SPEC §0: YYYYMM, as the roster and contribution files and the API write them. */

/** 202401 → "2024-01" for display. */
export function formatPeriod(period: number | string | null | undefined): string {
  if (period === null || period === undefined) return '—';
  const text = String(period);
  return /^\d{6}$/.test(text) ? `${text.slice(0, 4)}-${text.slice(4)}` : text;
}

/** Whether a text is a real period YYYYMM (month 01–12). */
export function isPeriod(text: string): boolean {
  const match = /^(\d{4})(\d{2})$/.exec(text);
  if (!match) return false;
  const month = Number(match[2]);
  return month >= 1 && month <= 12;
}
