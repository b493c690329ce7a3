import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

/**
 * Chinese word segmentation (jieba, @node-rs/jieba) for full-text search and text analysis.
 *
 * The dictionary is jieba's default one plus the words of reference/text/segmenter.json, the
 * occupation names (大典) and the industry names (GB/T 4754) of reference/, and whatever a module
 * adds with {@link addWords} (the enterprises' short names from the register). Latin letters are
 * lower-cased; punctuation and white space never become terms.
 *
 * Index and query must be segmented with the same dictionary: add words before indexing.
 */

const REFERENCE_DIR = fileURLToPath(new URL('../../../reference/', import.meta.url));

interface SegmenterSettings {
  custom_word_frequency: number;
  words: string[];
}

let jieba: Jieba | undefined;
let settings: SegmenterSettings | undefined;
const known = new Set<string>();
let version = 0;

function loadSettings(): SegmenterSettings {
  settings ??= JSON.parse(readFileSync(`${REFERENCE_DIR}text/segmenter.json`, 'utf8')) as SegmenterSettings;
  return settings;
}

/** The `name` column of a reference CSV (no quoting there: names use Chinese punctuation only). */
function namesOf(file: string): string[] {
  const lines = readFileSync(`${REFERENCE_DIR}${file}`, 'utf8').split(/\r?\n/).filter(Boolean);
  const header = lines[0]!.split(',');
  const column = header.indexOf('name');
  return lines.slice(1).map((line) => line.split(',')[column] ?? '');
}

/** Reference names split at Chinese enumeration marks (“农、林、牧、渔业” → its parts and the whole). */
function dictionaryWords(name: string): string[] {
  const parts = name.split(/[、，,（）()\s]+/).filter((p) => p.length >= 2);
  return parts;
}

function instance(): Jieba {
  if (!jieba) {
    jieba = Jieba.withDict(dict);
    const s = loadSettings();
    const words = [
      ...s.words,
      ...namesOf('occupations/dadian-2022.csv').flatMap(dictionaryWords),
      ...namesOf('occupations/dadian-2022-ocr.csv').flatMap(dictionaryWords),
      ...namesOf('industries/gbt4754-2017.csv').flatMap(dictionaryWords),
    ];
    load(words);
  }
  return jieba;
}

function load(words: Iterable<string>): number {
  const fresh: string[] = [];
  for (const raw of words) {
    const word = raw.trim().toLowerCase();
    if (word.length < 2 || /\s/.test(word) || known.has(word)) continue;
    known.add(word);
    fresh.push(word);
  }
  if (fresh.length > 0) {
    version += 1;
    const frequency = loadSettings().custom_word_frequency;
    jieba!.loadDict(Buffer.from(fresh.map((w) => `${w} ${frequency} n`).join('\n') + '\n', 'utf8'));
  }
  return fresh.length;
}

/** Adds words to the dictionary (e.g. enterprise short names); returns how many were new. */
export function addWords(words: Iterable<string>): number {
  instance();
  return load(words);
}

/** A number that changes whenever words are added: what a cache of segmented text is valid for. */
export function dictionaryVersion(): number {
  instance();
  return version;
}

/** True when the term carries meaning: not punctuation, symbols or white space. */
function isTerm(token: string): boolean {
  return /[\p{L}\p{N}]/u.test(token);
}

function normalise(text: string): string {
  // Full-width Latin letters and digits to half-width, then lower case.
  return text.normalize('NFKC').toLowerCase();
}

/** The words of a text, in order (precise mode): what a query is made of. */
export function segment(text: string): string[] {
  return instance()
    .cut(normalise(text), false)
    .map((t) => t.trim())
    .filter(isTerm);
}

/**
 * The terms to index for a text, space-joined: precise mode plus the shorter dictionary words inside
 * long ones (search mode), so that “嵌入式软件工程师” is found by 嵌入式软件, 软件 and 工程师.
 */
export function segmentForIndex(text: string): string {
  return instance()
    .cutForSearch(normalise(text), false)
    .map((t) => t.trim())
    .filter(isTerm)
    .join(' ');
}
