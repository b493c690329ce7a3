import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The discrimination check of a job posting (招聘专区, SPEC §2.6): finds the phrases the rules of
 * reference/recruitment/discrimination-rules.json name, each with its category, rule and legal
 * basis. Pure: text in, flags out; the review screen, the API, the import and `yangfan jobs check`
 * all call it.
 */

export type DiscriminationCategory =
  'gender' | 'age' | 'ethnicity' | 'origin' | 'marital' | 'health' | 'religion' | 'school_tier';

export interface DiscriminationRule {
  id: string;
  category: DiscriminationCategory;
  name: string;
  patterns: string[];
  exceptions: string[];
  basis: string;
  positive: string[];
  negative: string[];
}

export interface DiscriminationRuleFile {
  compiled: string;
  categories: Record<DiscriminationCategory, string>;
  rules: DiscriminationRule[];
}

export interface DiscriminationFlag {
  category: DiscriminationCategory;
  /** The category's Chinese name (性别, 年龄 …). */
  categoryName: string;
  rule: string;
  ruleName: string;
  basis: string;
  /** The words found, as written in the text. */
  match: string;
  /** Offsets of the match in the checked text (UTF-16 code units), for highlighting. */
  start: number;
  end: number;
}

export const DEFAULT_RULES_FILE = fileURLToPath(
  new URL('../../../reference/recruitment/discrimination-rules.json', import.meta.url),
);

interface CompiledRule {
  rule: DiscriminationRule;
  patterns: RegExp[];
  exceptions: RegExp[];
}

export interface DiscriminationChecker {
  readonly rules: DiscriminationRuleFile;
  check(text: string): DiscriminationFlag[];
}

/** Characters that end a clause: an exception is looked for in the clause around a match. */
const CLAUSE_BREAK = /[，,。；;！!？?\n\r]/;

function clauseAround(text: string, start: number, end: number): string {
  let from = start;
  while (from > 0 && !CLAUSE_BREAK.test(text[from - 1]!)) from--;
  let to = end;
  while (to < text.length && !CLAUSE_BREAK.test(text[to]!)) to++;
  return text.slice(from, to);
}

export function createChecker(file: DiscriminationRuleFile): DiscriminationChecker {
  const compiled: CompiledRule[] = file.rules.map((rule) => ({
    rule,
    patterns: rule.patterns.map((p) => new RegExp(p, 'giu')),
    exceptions: rule.exceptions.map((p) => new RegExp(p, 'iu')),
  }));
  return {
    rules: file,
    check(text: string): DiscriminationFlag[] {
      const flags: DiscriminationFlag[] = [];
      for (const { rule, patterns, exceptions } of compiled) {
        const taken: Array<[number, number]> = [];
        for (const pattern of patterns) {
          for (const m of text.matchAll(pattern)) {
            const start = m.index;
            const end = start + m[0].length;
            if (m[0].trim() === '') continue;
            if (taken.some(([s, e]) => start < e && end > s)) continue;
            const clause = clauseAround(text, start, end);
            if (exceptions.some((x) => x.test(clause))) continue;
            taken.push([start, end]);
            flags.push({
              category: rule.category,
              categoryName: file.categories[rule.category] ?? rule.category,
              rule: rule.id,
              ruleName: rule.name,
              basis: rule.basis,
              match: m[0],
              start,
              end,
            });
          }
        }
      }
      return flags.sort((a, b) => a.start - b.start || a.rule.localeCompare(b.rule));
    },
  };
}

/** Reads and checks a rule file: every pattern must compile and every rule must cite its basis. */
export function loadRules(path = DEFAULT_RULES_FILE): DiscriminationRuleFile {
  const file = JSON.parse(readFileSync(path, 'utf8')) as DiscriminationRuleFile;
  const ids = new Set<string>();
  for (const rule of file.rules) {
    if (ids.has(rule.id)) throw new Error(`歧视性内容规则 ${rule.id} 重复`);
    ids.add(rule.id);
    if (!file.categories[rule.category]) throw new Error(`规则 ${rule.id} 的类别 ${rule.category} 未定义`);
    if (!rule.basis?.trim()) throw new Error(`规则 ${rule.id} 缺少法律依据`);
    if (rule.patterns.length === 0) throw new Error(`规则 ${rule.id} 没有匹配模式`);
    for (const p of [...rule.patterns, ...rule.exceptions]) new RegExp(p, 'iu');
  }
  return file;
}

let defaultChecker: DiscriminationChecker | undefined;

/** The checker over the repository's rule file (read once). */
export function discriminationChecker(): DiscriminationChecker {
  defaultChecker ??= createChecker(loadRules());
  return defaultChecker;
}

/** Checks a text against the repository's rules. */
export function checkDiscrimination(text: string): DiscriminationFlag[] {
  return discriminationChecker().check(text);
}
