import { parse as parseYaml } from 'yaml';
import { isIsoDate } from '../platform/iso-date.ts';

/**
 * A small reader over parsed YAML that collects every problem, in Chinese, with the file and
 * the path inside it (`parameters.refund_rate.values[1].region`), instead of stopping at the first.
 */
export class YamlReader {
  readonly problems: string[] = [];

  constructor(readonly file: string) {}

  /** Parses YAML text; a syntax error becomes a problem with its line. */
  parse(text: string): unknown {
    try {
      return parseYaml(text);
    } catch (error) {
      this.fail('（文件）', `YAML 格式错误：${(error as Error).message}`);
      return undefined;
    }
  }

  /** Records one problem at a path. */
  fail(path: string, message: string): void {
    this.problems.push(`${this.file}：${path}：${message}`);
  }

  /** The value as a mapping, refusing keys outside `allowed` (typos must not pass silently). */
  object(value: unknown, path: string, allowed?: readonly string[]): Record<string, unknown> | undefined {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      this.fail(path, '应为键值映射');
      return undefined;
    }
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      if (allowed && !allowed.includes(key)) this.fail(`${path}.${key}`, `未知字段「${key}」（可用：${allowed.join('、')}）`);
    }
    return record;
  }

  /** The value as a list (possibly empty). */
  list(value: unknown, path: string): unknown[] {
    if (!Array.isArray(value)) {
      this.fail(path, '应为列表');
      return [];
    }
    return value;
  }

  /** A required non-empty text field; numbers are accepted as their decimal text (region codes). */
  text(record: Record<string, unknown>, key: string, path: string): string {
    const value = record[key];
    if (typeof value === 'number' && Number.isFinite(value)) return String(value);
    if (typeof value !== 'string' || value.trim() === '') {
      this.fail(`${path}.${key}`, value === undefined ? '缺少此项' : '应为非空文本');
      return '';
    }
    return value.trim();
  }

  /** An optional text field. */
  optionalText(record: Record<string, unknown>, key: string, path: string): string | undefined {
    return record[key] === undefined || record[key] === null ? undefined : this.text(record, key, path);
  }

  /** A required `YYYY-MM-DD` date field. */
  date(record: Record<string, unknown>, key: string, path: string): string {
    const value = this.text(record, key, path);
    if (value && !isIsoDate(value)) this.fail(`${path}.${key}`, `日期应为 YYYY-MM-DD 且真实存在：${value}`);
    return value;
  }

  /** A required integer field. */
  integer(record: Record<string, unknown>, key: string, path: string): number {
    const value = record[key];
    if (typeof value !== 'number' || !Number.isInteger(value)) {
      this.fail(`${path}.${key}`, value === undefined ? '缺少此项' : '应为整数');
      return 0;
    }
    return value;
  }

  /** An optional boolean field (default false). */
  flag(record: Record<string, unknown>, key: string, path: string): boolean {
    const value = record[key];
    if (value === undefined) return false;
    if (typeof value !== 'boolean') this.fail(`${path}.${key}`, '应为 true 或 false');
    return value === true;
  }

  /** A list of texts, or one text standing for a list of one. */
  texts(record: Record<string, unknown>, key: string, path: string, required = true): string[] {
    const value = record[key];
    if (value === undefined && !required) return [];
    if (typeof value === 'string') return [value];
    return this.list(value, `${path}.${key}`).flatMap((item, index) => {
      if (typeof item === 'string' || typeof item === 'number') return [String(item)];
      this.fail(`${path}.${key}[${index}]`, '应为文本');
      return [];
    });
  }

  /** The entries of a mapping whose keys are names (`facts:`, `parameters:`), checking the names. */
  namedEntries(record: Record<string, unknown>, key: string, path: string, required = true): [string, unknown, string][] {
    if (record[key] === undefined && !required) return [];
    const mapping = this.object(record[key], `${path}${path ? '.' : ''}${key}`);
    if (!mapping) return [];
    return Object.entries(mapping).map(([name, value]) => {
      const entryPath = `${path}${path ? '.' : ''}${key}.${name}`;
      if (!/^[a-z][a-z0-9_]*$/.test(name)) this.fail(entryPath, '名称只能用小写字母、数字和下划线，以字母开头');
      return [name, value, entryPath];
    });
  }
}
