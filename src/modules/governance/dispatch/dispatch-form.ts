import { readFileSync } from 'node:fs';

/** The 调度 form (reference/governance/dispatch.json): its items, which monitoring indicator pre-fills each, the deadline. */

export interface DispatchItem {
  key: string;
  label: string;
  unit: string;
  /** The monitoring indicator that pre-fills it, or null for a free-text item. */
  indicator: string | null;
}

interface DispatchFile {
  source: string;
  deadline_workdays: { value: number; source: string };
  items: DispatchItem[];
}

let cached: DispatchFile | undefined;
function dispatchFile(): DispatchFile {
  cached ??= JSON.parse(
    readFileSync(new URL('../../../../reference/governance/dispatch.json', import.meta.url), 'utf8'),
  ) as DispatchFile;
  return cached;
}

export function dispatchItems(): DispatchItem[] {
  return dispatchFile().items;
}

/** Working days a city has to return a round, with the source of the number. */
export function dispatchDeadlineWorkdays(): { days: number; source: string } {
  return { days: dispatchFile().deadline_workdays.value, source: dispatchFile().deadline_workdays.source };
}

export function dispatchSource(): string {
  return dispatchFile().source;
}
