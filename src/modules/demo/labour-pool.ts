import type { DemoPerson } from './generate-persons.ts';
import type { Random } from './random.ts';

/** Someone who left an enterprise and may be hired by one generated later. */
export interface PoolEntry {
  person: DemoPerson;
  /** First month index they may start again (a month after leaving at the earliest). */
  availableFrom: number;
  /** Base of the job they left, in fen. */
  baseFen: number;
  /** The unemployment registration opened after leaving, if any (closed when hired again). */
  registeredOn: string | null;
}

/** An unemployment registration of a person created in an earlier batch. */
export interface PoolRegistration {
  personId: number;
  registeredOn: string;
  closedOn: string | null;
}

/**
 * People between jobs. Enterprises are generated one after another, so a person who left
 * one may start at a later one: that gives people spells at two enterprises, and
 * registrations closed on re-employment. Bounded: the oldest entries leave the pool (and
 * the province) when it is full, keeping memory flat at any scale.
 */
export class LabourPool {
  private readonly entries: PoolEntry[] = [];
  private readonly dropped: PoolRegistration[] = [];

  constructor(private readonly capacity: number) {}

  /** Adds a leaver; an entry pushed out keeps its registration open. */
  offer(entry: PoolEntry): void {
    this.entries.push(entry);
    if (this.entries.length > this.capacity) this.keepOpen(this.entries.shift()!);
  }

  /** Takes someone available in the month who is not about to retire, if one is near the front. */
  take(random: Random, month: number): PoolEntry | undefined {
    const start = this.entries.length > 64 ? random.int(0, 63) : 0;
    for (let i = start; i < Math.min(this.entries.length, start + 64); i += 1) {
      const entry = this.entries[i]!;
      if (entry.availableFrom <= month && entry.person.retirementMonth > month + 2) {
        this.entries.splice(i, 1);
        return entry;
      }
    }
    return undefined;
  }

  /** Registrations of people who left the pool unemployed since the last call. */
  takeDroppedRegistrations(): PoolRegistration[] {
    return this.dropped.splice(0, this.dropped.length);
  }

  /** Empties the pool at the end of a run: everyone still in it stays registered. */
  drain(): PoolRegistration[] {
    for (const entry of this.entries.splice(0, this.entries.length)) this.keepOpen(entry);
    return this.takeDroppedRegistrations();
  }

  private keepOpen(entry: PoolEntry): void {
    if (entry.registeredOn)
      this.dropped.push({ personId: entry.person.id, registeredOn: entry.registeredOn, closedOn: null });
  }
}
