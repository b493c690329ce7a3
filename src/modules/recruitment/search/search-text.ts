import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dictionaryVersion, segment, segmentForIndex } from '../../../platform/text/segmenter.ts';

/**
 * The text side of the public job search (SPEC §2.6), pure: the terms a field is indexed under,
 * the clauses a query is made of, the full-text expressions of both databases built from the same
 * clauses, and the highlighted snippet. Parameters in reference/recruitment/search.json.
 *
 * A term is a run of letters and digits of one script (Han or not): jieba's words are split
 * further at anything else (node.js → node, js) and between scripts (3d打印 → 3d, 打印), so that
 * SQLite FTS5 (unicode61) and PostgreSQL's parser (to_tsvector('simple', …)) see the very same
 * tokens and match the very same postings.
 */

export interface SearchSettings {
  field_weights: Record<SearchField, number>;
  cache_seconds: number;
  cache_max_entries: number;
  rate_limit: { max: number; window_seconds: number };
  page_size: { default: number; max: number };
  max_query_terms: number;
  snippet_chars: number;
  stop_words: string[];
  dictionary_refresh_seconds: number;
}

export const SEARCH_FIELDS = ['title', 'occupation', 'enterprise', 'place', 'tags', 'body'] as const;
export type SearchField = (typeof SEARCH_FIELDS)[number];

let settings: SearchSettings | undefined;

export function searchSettings(): SearchSettings {
  settings ??= JSON.parse(
    readFileSync(fileURLToPath(new URL('../../../../reference/recruitment/search.json', import.meta.url)), 'utf8'),
  ) as SearchSettings;
  return settings;
}

const TOKEN = /[\p{L}\p{N}]+/gu;
const SCRIPT_RUN = /\p{Script=Han}+|[^\p{Script=Han}]+/gu;

/** The tokens of one jieba word: letters and digits only, split between Han and other scripts. */
const PLAIN_HAN = /^\p{Script=Han}+$/u;
const PLAIN_LATIN = /^[a-z0-9]+$/;

export function tokensOf(word: string): string[] {
  // Most words are one run of Han characters or of lower-case letters and digits already.
  if (PLAIN_HAN.test(word) || PLAIN_LATIN.test(word)) return [word];
  const out: string[] = [];
  for (const run of word.normalize('NFKC').toLowerCase().match(TOKEN) ?? [])
    for (const piece of run.match(SCRIPT_RUN) ?? []) out.push(piece);
  return out;
}

/**
 * Where jieba always ends a block (it segments each run of Han characters, letters, digits and
 * `+#&._%-` on its own): a text cut here segments into the same words as a whole.
 */
const BLOCK_BREAK = /[\s。，、；：！？“”‘’（）《》【】]+/u;

/**
 * The terms of each piece of text between block breaks, remembered while the dictionary stays the
 * same: descriptions repeat their sentences (an enterprise's own presentation, its benefits), so a
 * rebuild segments each distinct sentence once.
 */
const pieceTerms = new Map<string, string[]>();
let pieceTermsVersion = -1;

function termsOfPiece(piece: string): string[] {
  const version = dictionaryVersion();
  if (version !== pieceTermsVersion || pieceTerms.size >= 200_000) {
    pieceTerms.clear();
    pieceTermsVersion = version;
  }
  let terms = pieceTerms.get(piece);
  if (terms === undefined) {
    terms = segmentForIndex(piece).split(' ').flatMap(tokensOf);
    pieceTerms.set(piece, terms);
  }
  return terms;
}

/** The distinct index terms of a text (jieba search mode), in first-seen order. */
export function indexTerms(text: string): string[] {
  const terms = new Set<string>();
  for (const piece of text.split(BLOCK_BREAK)) if (piece) for (const term of termsOfPiece(piece)) terms.add(term);
  return [...terms];
}

/** A field's terms as stored: space-separated with a space at both ends (`LIKE '% term %'`). */
export function fieldTerms(text: string): string {
  const terms = indexTerms(text);
  return terms.length === 0 ? ' ' : ` ${terms.join(' ')} `;
}

/**
 * One word of a query: the posting must contain the word itself or, failing that, every shorter
 * dictionary word inside it (嵌入式软件 → 嵌入式 and 软件), so that a compound the index split
 * differently is still found.
 */
export interface QueryClause {
  term: string;
  parts: string[];
}

/** The shorter dictionary words covering a word, longest first from the left (结构设计 → 结构, 设计). */
function partsOf(term: string): string[] {
  const subs = new Set(segmentForIndex(term).split(' ').flatMap(tokensOf));
  subs.delete(term);
  const parts: string[] = [];
  let i = 0;
  while (i < term.length) {
    let best = '';
    for (const sub of subs) if (sub.length >= 2 && sub.length > best.length && term.startsWith(sub, i)) best = sub;
    if (best) parts.push(best);
    i += best ? best.length : 1;
  }
  return parts.length > 1 ? parts : [];
}

const SINGLE_HAN = /^\p{Script=Han}$/u;

/**
 * The clauses of a query: its words (jieba precise mode) less the stop words; a single Han
 * character left over from an unknown name (中科微 → 中科, 微) is dropped when the query has longer
 * words, since postings are not indexed by single characters.
 */
export function parseQuery(text: string, s: SearchSettings = searchSettings()): QueryClause[] {
  const stop = new Set(s.stop_words);
  let terms = [...new Set(segment(text).flatMap(tokensOf))].filter((t) => !stop.has(t));
  if (terms.some((t) => !SINGLE_HAN.test(t))) terms = terms.filter((t) => !SINGLE_HAN.test(t));
  return terms.slice(0, s.max_query_terms).map((term) => ({ term, parts: partsOf(term) }));
}

/** The FTS5 MATCH expression of the clauses (every clause required). */
export function ftsExpression(clauses: readonly QueryClause[]): string {
  return clauses
    .map((c) =>
      c.parts.length === 0 ? `"${c.term}"` : `("${c.term}" OR (${c.parts.map((p) => `"${p}"`).join(' AND ')}))`,
    )
    .join(' AND ');
}

/** The PostgreSQL to_tsquery('simple', …) text of the same clauses. */
export function tsQueryExpression(clauses: readonly QueryClause[]): string {
  return clauses.map((c) => (c.parts.length === 0 ? c.term : `(${c.term} | (${c.parts.join(' & ')}))`)).join(' & ');
}

/** A piece of displayed text; `hit` marks a matched query term. */
export interface TextPiece {
  text: string;
  hit: boolean;
}

function needlesOf(clauses: readonly QueryClause[]): string[] {
  const needles = new Set<string>();
  for (const c of clauses) {
    needles.add(c.term);
    for (const p of c.parts) needles.add(p);
  }
  return [...needles].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
}

/** The text cut into pieces, every occurrence of a query term (longest first) marked. */
export function highlight(text: string, clauses: readonly QueryClause[]): TextPiece[] {
  const needles = needlesOf(clauses);
  if (needles.length === 0 || !text) return text ? [{ text, hit: false }] : [];
  const normal = text.normalize('NFKC').toLowerCase();
  const haystack = normal.length === text.length ? normal : text.toLowerCase();
  const pieces: TextPiece[] = [];
  let plainFrom = 0;
  let i = 0;
  while (i < text.length) {
    const needle = needles.find((n) => haystack.startsWith(n, i));
    if (!needle) {
      i += 1;
      continue;
    }
    if (i > plainFrom) pieces.push({ text: text.slice(plainFrom, i), hit: false });
    pieces.push({ text: text.slice(i, i + needle.length), hit: true });
    i += needle.length;
    plainFrom = i;
  }
  if (plainFrom < text.length) pieces.push({ text: text.slice(plainFrom), hit: false });
  return pieces;
}

/** A window of the text around its first matched term (or its beginning), highlighted. */
export function snippet(
  text: string,
  clauses: readonly QueryClause[],
  chars = searchSettings().snippet_chars,
): TextPiece[] {
  const flat = text.replace(/\s+/g, ' ').trim();
  const pieces = highlight(flat, clauses);
  let firstHit = 0;
  for (const p of pieces) {
    if (p.hit) break;
    firstHit += p.text.length;
  }
  if (firstHit >= flat.length) firstHit = 0;
  const start = Math.max(0, Math.min(firstHit - Math.floor(chars / 4), flat.length - chars));
  const end = Math.min(flat.length, start + chars);
  const window = highlight(flat.slice(start, end), clauses);
  if (start > 0) window.unshift({ text: '…', hit: false });
  if (end < flat.length) window.push({ text: '…', hit: false });
  return window;
}
