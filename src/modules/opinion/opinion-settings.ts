import { readFileSync } from 'node:fs';

/** The opinion module's parameters (reference/opinion/settings.json): reply deadline, hotspot thresholds, limits. */
interface Valued {
  value: number;
}
export interface OpinionSettings {
  version: string;
  reply_working_days: Valued;
  hotspot: {
    windows: Record<'day' | 'week', { days: number; baseline_days: number }>;
    ratio: Valued;
    min_count: Valued;
    baseline_floor: Valued;
  };
  limits: Record<'title_max_chars' | 'content_max_chars' | 'sender_max_chars' | 'push_max_items', Valued>;
}

export const OPINION_SETTINGS = JSON.parse(
  readFileSync(new URL('../../../reference/opinion/settings.json', import.meta.url), 'utf8'),
) as OpinionSettings;
