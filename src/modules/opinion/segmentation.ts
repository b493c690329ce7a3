/**
 * Word boundaries of a message, for telling a short name from the same characters inside a
 * longer word (恒立 in 永恒立场). Filled in from the platform segmenter (jieba with the register's
 * names in its dictionary); without one, no boundaries are checked.
 */
export function wordBoundaries(_dictionary: readonly string[]): ((text: string) => ReadonlySet<number>) | undefined {
  return undefined;
}
