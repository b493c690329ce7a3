import { addWords, segment } from '../../platform/text/segmenter.ts';

/**
 * Word boundaries of a message, for telling a short name from the same characters inside a
 * longer word (恒立 in 永恒立场): the platform segmenter (jieba) with the register's names and
 * short names added to its dictionary, so that a name the writer meant comes out as one word.
 */
export function wordBoundaries(dictionary: readonly string[]): (text: string) => ReadonlySet<number> {
  addWords(dictionary);
  return (text) => {
    const lowered = text.normalize('NFKC').toLowerCase();
    // NFKC may change the length of rare characters; offsets then no longer match the text.
    if (lowered.length !== text.length) return new Set(Array.from({ length: text.length + 1 }, (_, i) => i));
    const boundaries = new Set<number>([0, text.length]);
    let at = 0;
    for (const token of segment(text)) {
      const found = lowered.indexOf(token, at);
      if (found < 0) continue;
      boundaries.add(found);
      boundaries.add(found + token.length);
      at = found + token.length;
    }
    return boundaries;
  };
}
