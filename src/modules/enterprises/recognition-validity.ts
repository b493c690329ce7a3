import { readFileSync } from 'node:fs';
import { toDayNumber } from '../../platform/iso-date.ts';

/** Where a recognition stands on a day; `expiring` starts the cited number of days before expiry. */
export type ValidityStatus = 'not_yet_valid' | 'valid' | 'expiring' | 'expired';

export interface Validity {
  status: ValidityStatus;
  /** Days from the day asked about to the last valid day (negative once expired). */
  daysLeft: number;
}

interface AlertSetting {
  key: string;
  value: number;
  unit: string;
  source: string;
}

const FILE = new URL('../../../reference/monitoring/alerts.json', import.meta.url);
const EXPIRY_KEY = 'recognition_expiry_warning_days';

let cached: AlertSetting | undefined;

/** The expiry warning window (SPEC §2.4: 90 days), read with its source from reference/monitoring/alerts.json. */
export function expiryWarningSetting(): AlertSetting {
  if (cached) return cached;
  const { settings } = JSON.parse(readFileSync(FILE, 'utf8')) as { settings: AlertSetting[] };
  const found = settings.find((s) => s.key === EXPIRY_KEY);
  if (!found || !Number.isInteger(found.value) || found.value < 0)
    throw new Error(`reference/monitoring/alerts.json 缺少有效的 ${EXPIRY_KEY}`);
  cached = found;
  return found;
}

/** The status of a recognition on a day; the last day of validity still counts as valid. */
export function validityOn(day: string, recognizedOn: string, validUntil: string): Validity {
  const daysLeft = toDayNumber(validUntil) - toDayNumber(day);
  if (day < recognizedOn) return { status: 'not_yet_valid', daysLeft };
  if (daysLeft < 0) return { status: 'expired', daysLeft };
  return { status: daysLeft <= expiryWarningSetting().value ? 'expiring' : 'valid', daysLeft };
}
