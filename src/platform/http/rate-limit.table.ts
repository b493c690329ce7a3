/** One request rate limit's count for a key (route + source) in its current window, shared by every process. */
export interface RateLimitCounterTable {
  key: string;
  hits: number;
  /** Epoch milliseconds at which the window ends and the count starts again. */
  window_ends_at: number | string;
}
