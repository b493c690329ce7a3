/**
 * What a user must not read on a page: internal identifiers (snake_case codes such as
 * stable_jobs_refund, record numbers such as `user #12`, dotted audit actions such as auth.login)
 * and, on enterprise and public pages, internal documents and drafting notes (SPEC, 待核, 二手).
 * Pure functions over the text the browser shows, so the rules are unit-tested
 * (visible-codes.test.mjs) apart from the browser.
 */

// File extensions and top-level domains end dotted words that are not actions (export.xlsx, gov.cn).
const NOT_ACTION_ENDINGS = new Set([
  'csv',
  'xlsx',
  'xls',
  'pdf',
  'png',
  'jpg',
  'jpeg',
  'docx',
  'doc',
  'zip',
  'txt',
  'json',
  'cn',
  'com',
  'org',
  'net',
  'gov',
  'html',
  'mjs',
  'ts',
]);

const CODE_PATTERNS = [
  // snake_case: two or more lowercase words joined by underscores (login_failure_limit).
  { kind: 'snake_case', pattern: /(?<![\w.@/-])[a-z][a-z0-9]*(?:_[a-z0-9]+)+(?![\w@/-])/g },
  // A record number in the `#12` style (user #12, demo#1).
  { kind: 'record number', pattern: /#\d+/g },
  // A dotted action or key (auth.login, benefits.case.approve), not a file name or a domain.
  {
    kind: 'dotted action',
    pattern: /(?<![\w.@/:-])[a-z][a-z_]*(?:\.[a-z][a-z_]*)+(?![\w@/-])/g,
    keep: (match) => !NOT_ACTION_ENDINGS.has(match.split('.').at(-1)),
  },
  // A run id with a colon (match:1), as an actor or a source.
  { kind: 'colon id', pattern: /(?<![\w/-])[a-z][a-z_]*:\d+(?!\d)/g },
];

/** The code-like identifiers in a text, each with its kind. */
export function findCodeLike(text) {
  const found = [];
  for (const { kind, pattern, keep } of CODE_PATTERNS) {
    for (const match of text.matchAll(pattern)) {
      if (!keep || keep(match[0])) found.push({ kind, match: match[0] });
    }
  }
  return found;
}

const DRAFTING_WORDS = [/SPEC/, /待核/, /二手/];

/** Internal documents or drafting notes an enterprise or the public must not read. */
export function findDraftingNotes(text) {
  return DRAFTING_WORDS.flatMap((pattern) => (pattern.test(text) ? [pattern.source] : []));
}

/** SPEC named anywhere (no page mentions the project's internal specification). */
export function findSpecMention(text) {
  return /\bSPEC\b/.test(text) ? ['SPEC'] : [];
}
