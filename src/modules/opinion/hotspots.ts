/**
 * Hotspot detection (pure): a topic in a region, or an enterprise, whose message count over the
 * last day or week is far above its recent baseline. The windows, the ratio, the least count
 * and the baseline floor are data (reference/opinion/settings.json).
 */

export interface HotspotSettings {
  windows: Record<'day' | 'week', { days: number; baseline_days: number }>;
  ratio: { value: number };
  min_count: { value: number };
  baseline_floor: { value: number };
}

/** One message as counted: its day and the subjects it counts for. */
export interface CountedMessage {
  id: number;
  receivedOn: string;
  topic: string;
  regionCode: string | null;
  usccs: readonly string[];
}

export interface Hotspot {
  kind: 'topic_region' | 'enterprise';
  topic: string | null;
  regionCode: string | null;
  uscc: string | null;
  window: 'day' | 'week';
  count: number;
  /** Mean count per window over the baseline period. */
  baseline: number;
  messageIds: number[];
}

const dayNumber = (iso: string) => Math.round(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);

/** The hotspots on a day, from the messages of the window and the baseline period before it. */
export function detectHotspots(
  messages: readonly CountedMessage[],
  today: string,
  settings: HotspotSettings,
): Hotspot[] {
  const todayNumber = dayNumber(today);
  const found: Hotspot[] = [];
  for (const window of ['day', 'week'] as const) {
    const { days, baseline_days: baselineDays } = settings.windows[window];
    const subjects = new Map<
      string,
      { current: number[]; before: number; hotspot: Omit<Hotspot, 'count' | 'baseline' | 'messageIds' | 'window'> }
    >();
    const count = (
      key: string,
      hotspot: Omit<Hotspot, 'count' | 'baseline' | 'messageIds' | 'window'>,
      id: number,
      isCurrent: boolean,
    ) => {
      let s = subjects.get(key);
      if (!s) subjects.set(key, (s = { current: [], before: 0, hotspot }));
      if (isCurrent) s.current.push(id);
      else s.before += 1;
    };
    for (const m of messages) {
      const age = todayNumber - dayNumber(m.receivedOn);
      if (age < 0 || age >= days + baselineDays) continue;
      const isCurrent = age < days;
      if (m.regionCode)
        count(
          `t|${m.topic}|${m.regionCode}`,
          { kind: 'topic_region', topic: m.topic, regionCode: m.regionCode, uscc: null },
          m.id,
          isCurrent,
        );
      for (const uscc of new Set(m.usccs))
        count(`e|${uscc}`, { kind: 'enterprise', topic: null, regionCode: m.regionCode, uscc }, m.id, isCurrent);
    }
    for (const s of subjects.values()) {
      const baseline = (s.before / baselineDays) * days;
      const floor = Math.max(baseline, settings.baseline_floor.value);
      if (s.current.length >= settings.min_count.value && s.current.length >= settings.ratio.value * floor)
        found.push({
          ...s.hotspot,
          window,
          count: s.current.length,
          baseline,
          messageIds: s.current.sort((a, b) => a - b),
        });
    }
  }
  return found.sort((a, b) => b.count - a.count);
}
