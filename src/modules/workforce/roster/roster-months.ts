// The storage of a roster window (roster-writer.ts): a row is a handful of numbers.

const NO_REASON = -1;

/**
 * One entry per row, in parallel arrays reused window after window. They are made at the
 * window's full size (the system commits their pages only as rows fill them), so they never
 * grow by copying and leave no discarded arrays behind.
 */
export class MonthEntries {
  size = 0;
  line: Int32Array;
  period: Int32Array;
  base: Float64Array;
  reason: Int16Array;
  next: Int32Array;

  constructor(capacity: number) {
    this.line = new Int32Array(capacity);
    this.period = new Int32Array(capacity);
    this.base = new Float64Array(capacity);
    this.reason = new Int16Array(capacity);
    this.next = new Int32Array(capacity);
  }

  push(line: number, period: number, base: number, reason: number, next: number): number {
    // A row links only to an earlier row of the same window: chains always end.
    if (next >= this.size) throw new Error('内部错误：名单窗口的行链指向不存在的行');
    if (this.size === this.line.length) this.grow();
    const entry = this.size++;
    this.line[entry] = line;
    this.period[entry] = period;
    this.base[entry] = base;
    this.reason[entry] = reason;
    this.next[entry] = next;
    return entry;
  }

  clear(): void {
    this.size = 0;
  }

  private grow(): void {
    const capacity = this.line.length * 2;
    this.line = grown(this.line, new Int32Array(capacity));
    this.period = grown(this.period, new Int32Array(capacity));
    this.base = grown(this.base, new Float64Array(capacity));
    this.reason = grown(this.reason, new Int16Array(capacity));
    this.next = grown(this.next, new Int32Array(capacity));
  }
}

function grown<T extends Int32Array | Float64Array | Int16Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

/** Leave-reason codes as small numbers for the typed arrays; NO_REASON for none. */
export class ReasonCodes {
  private readonly codes: string[] = [];
  private readonly numbers = new Map<string, number>();

  codeOf(reason: string | null): number {
    if (reason === null) return NO_REASON;
    let number = this.numbers.get(reason);
    if (number === undefined) {
      number = this.codes.push(reason) - 1;
      this.numbers.set(reason, number);
    }
    return number;
  }

  reasonOf(number: number): string | null {
    return number === NO_REASON ? null : this.codes[number]!;
  }
}
