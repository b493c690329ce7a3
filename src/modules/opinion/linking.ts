import { buildAutomaton, leftmostLongest, type Automaton } from './aho-corasick.ts';

/**
 * Enterprise linking (SPEC §2.10): the register's full names and the short names derived from
 * them (region prefix, legal form and industry words stripped — the lists are data,
 * reference/opinion/linking.json) are matched in one pass over a message. A short name shared
 * by several enterprises, or that is a common word, is not linked but left for a person to
 * confirm. Pure: no database, no I/O.
 */

export interface LinkingRules {
  version: string;
  regionPrefixes: readonly string[];
  legalSuffixes: readonly string[];
  industryWords: readonly string[];
  minShortNameLength: number;
  commonWords: readonly string[];
}

export interface RegisterEntry {
  uscc: string;
  name: string;
}

/** A name found in the text: linked to one enterprise, or waiting for a person among candidates. */
export interface Mention {
  start: number;
  end: number;
  alias: string;
  kind: 'full' | 'short';
  status: 'linked' | 'ambiguous';
  /** The enterprise linked, or the candidates of an ambiguous short name (sorted). */
  usccs: string[];
}

export interface LinkResult {
  mentions: Mention[];
  /** Enterprises linked without doubt, in order of first mention. */
  enterprises: string[];
  /** Ambiguous short names with their candidates, for a person to confirm. */
  ambiguous: { alias: string; candidates: string[] }[];
}

export interface Linker {
  link(text: string, options?: { boundaries?: ReadonlySet<number> }): LinkResult;
  /** Every alias the linker knows (for a segmenter's custom dictionary). */
  aliases(): string[];
}

const BRACKETED = /[（(][^）)]*[）)]/g;

/** Normalises a name for matching: full-width brackets and spaces folded, trimmed. */
export function normaliseName(name: string): string {
  return name.replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')');
}

function stripPrefix(text: string, prefixes: readonly string[]): { rest: string; prefix: string } {
  let best = '';
  for (const p of prefixes)
    for (const form of [`${p}市`, `${p}省`, `${p}县`, p])
      if (form.length > best.length && text.startsWith(form) && text.length > form.length) best = form;
  return { rest: text.slice(best.length), prefix: best.replace(/[市省县]$/, '') };
}

function stripSuffix(text: string, suffixes: readonly string[]): string {
  let best = '';
  for (const s of suffixes) if (s.length > best.length && text.endsWith(s) && text.length > s.length) best = s;
  return text.slice(0, text.length - best.length);
}

/**
 * The short names a register name yields: without its region prefix, then without its legal
 * form, then without its industry words (the 字号), and the 字号 with the stripped place.
 */
export function deriveShortNames(name: string, rules: LinkingRules): string[] {
  const full = normaliseName(name);
  const unbracketed = full.replace(BRACKETED, '');
  let { rest, prefix } = stripPrefix(unbracketed, rules.regionPrefixes);
  if (prefix) {
    const again = stripPrefix(rest, rules.regionPrefixes);
    if (again.prefix) ({ rest, prefix } = { rest: again.rest, prefix: again.prefix });
  }
  let withoutForm = rest;
  for (let i = 0; i < 2; i += 1) withoutForm = stripSuffix(withoutForm, rules.legalSuffixes);
  let tradeName = withoutForm;
  for (let i = 0; i < 2; i += 1) tradeName = stripSuffix(tradeName, rules.industryWords);
  const names = [rest, withoutForm, tradeName];
  if (prefix && tradeName !== withoutForm) names.push(prefix + tradeName);
  return [...new Set(names)].filter((n) => n !== full && n.length >= rules.minShortNameLength);
}

interface AliasEntry {
  alias: string;
  usccs: Set<string>;
  isFull: boolean;
}

/** Builds the linker over the register (one automaton over every full and short name). */
export function buildLinker(register: readonly RegisterEntry[], rules: LinkingRules): Linker {
  const entries = new Map<string, AliasEntry>();
  const add = (alias: string, uscc: string, isFull: boolean) => {
    let entry = entries.get(alias);
    if (!entry) entries.set(alias, (entry = { alias, usccs: new Set(), isFull: false }));
    entry.usccs.add(uscc);
    entry.isFull ||= isFull;
  };
  for (const e of register) {
    add(normaliseName(e.name), e.uscc, true);
    for (const short of deriveShortNames(e.name, rules)) add(short, e.uscc, false);
  }
  const common = new Set(rules.commonWords);
  const list = [...entries.values()];
  const automaton: Automaton = buildAutomaton(list.map((e) => e.alias));
  const isAmbiguous = (e: AliasEntry) => e.usccs.size > 1 || (!e.isFull && common.has(e.alias));

  return {
    aliases: () => list.map((e) => e.alias),
    link(text, options = {}) {
      const normalised = text.replace(/（/g, '(').replace(/）/g, ')');
      const { boundaries } = options;
      const mentions: Mention[] = [];
      for (const m of leftmostLongest(automaton.findAll(normalised))) {
        const entry = list[m.pattern]!;
        // A short name inside a longer word (恒立 in 永恒立场) is no mention: the segmenter's
        // word boundaries must fall on both its ends.
        if (!entry.isFull && boundaries && !(boundaries.has(m.start) && boundaries.has(m.end))) continue;
        mentions.push({
          start: m.start,
          end: m.end,
          alias: entry.alias,
          kind: entry.isFull ? 'full' : 'short',
          status: isAmbiguous(entry) ? 'ambiguous' : 'linked',
          usccs: [...entry.usccs].sort(),
        });
      }
      const linked = new Set(mentions.filter((m) => m.status === 'linked').map((m) => m.usccs[0]!));
      // An ambiguous short name whose candidates include exactly one enterprise named without
      // doubt elsewhere in the same message refers to it (“江苏恒立精密机械…恒立”).
      for (const m of mentions) {
        if (m.status !== 'ambiguous') continue;
        const known = m.usccs.filter((u) => linked.has(u));
        if (known.length === 1) Object.assign(m, { status: 'linked', usccs: known });
      }
      const enterprises = [...new Set(mentions.filter((m) => m.status === 'linked').map((m) => m.usccs[0]!))];
      const ambiguous = new Map<string, string[]>();
      for (const m of mentions) if (m.status === 'ambiguous') ambiguous.set(m.alias, m.usccs);
      return {
        mentions,
        enterprises,
        ambiguous: [...ambiguous].map(([alias, candidates]) => ({ alias, candidates })),
      };
    },
  };
}
