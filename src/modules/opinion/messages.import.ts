import type { AppContext } from '../../app-context.ts';
import type { Db } from '../../db/database.ts';
import { todayInShanghai } from '../../platform/iso-date.ts';
import { textCell } from '../imports/cells.ts';
import type { BatchOutcome, ImportKind, ImportWriter, ParsedRow, RawCell } from '../imports/import-kind.ts';
import { column, RowReader } from '../workforce/row-reader.ts';
import { analyserFor, type Analyser } from './analyser.ts';
import { refreshHotspots } from './hotspots.service.ts';
import { loadRegionCodes, storeMessages, type MessageRecord, type Source } from './intake.service.ts';
import { OPINION_SETTINGS } from './opinion-settings.ts';

/**
 * Import kind `messages` (舆情留言): 12333 call records, director's-mailbox letters and
 * new-media posts. Columns: 来源, 时间, 标题, 内容, 来电/来信人 (optional, stored encrypted),
 * 地区 (optional region code). The text is never written to a log or a rejects file.
 */

const COLUMNS = [
  { ...column('source', '来源'), values: ['12333', '局长信箱', '新媒体'] },
  column('received_at', '时间'),
  column('title', '标题'),
  column('content', '内容'),
  { ...column('sender', '来电/来信人', false), alias: 'sender' },
  column('region', '地区', false),
] as const;

const SOURCE_NAMES: Record<string, Source> = {
  '12333': 'hotline',
  '12333热线': 'hotline',
  热线: 'hotline',
  hotline: 'hotline',
  局长信箱: 'mailbox',
  信箱: 'mailbox',
  mailbox: 'mailbox',
  新媒体: 'new_media',
  微博: 'new_media',
  微信: 'new_media',
  new_media: 'new_media',
};

const pad = (n: number) => String(n).padStart(2, '0');

/** A time as YYYY-MM-DD HH:mm:ss (Beijing): text with - or / and optional seconds, a date alone, or a spreadsheet date cell. */
export function readMessageTime(raw: RawCell, today: string): string | { code: string; message: string } {
  if (raw instanceof Date && !Number.isNaN(raw.getTime())) {
    const d = new Date(raw.getTime() + 8 * 3600_000);
    return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  }
  const text = textCell(raw) ?? '';
  const m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(text);
  if (!m)
    return { code: 'TIME_INVALID', message: `时间应为 YYYY-MM-DD HH:mm[:ss] 或 YYYY-MM-DD：${text.slice(0, 40)}` };
  const [y, mo, d, h = '0', mi = '0', s = '0'] = m.slice(1);
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)));
  if (
    date.getUTCMonth() !== Number(mo) - 1 ||
    date.getUTCDate() !== Number(d) ||
    Number(h) > 23 ||
    Number(mi) > 59 ||
    Number(s) > 59
  )
    return { code: 'TIME_INVALID', message: `时间不存在：${text.slice(0, 40)}` };
  const value = `${y}-${pad(Number(mo))}-${pad(Number(d))} ${pad(Number(h))}:${mi}:${pad(Number(s))}`;
  if (value.slice(0, 10) > today) return { code: 'TIME_IN_FUTURE', message: `时间 ${value} 晚于今天` };
  return value;
}

/** Validates one message row (pure). */
export function parseMessageRow(cells: Record<string, RawCell>, today: string): ParsedRow<MessageRecord> {
  const row = new RowReader(cells, COLUMNS, today);
  const limits = OPINION_SETTINGS.limits;
  const sourceText = textCell(cells.source);
  const source = sourceText === undefined ? undefined : SOURCE_NAMES[sourceText.replace(/\s/g, '')];
  if (sourceText === undefined) row.reject('source', 'REQUIRED_MISSING', '必填项为空');
  else if (!source) row.reject('source', 'SOURCE_UNKNOWN', '来源应为 12333、局长信箱 或 新媒体');
  let receivedAt: string | undefined;
  if (textCell(cells.received_at) === undefined && !(cells.received_at instanceof Date))
    row.reject('received_at', 'REQUIRED_MISSING', '必填项为空');
  else {
    const time = readMessageTime(cells.received_at, today);
    if (typeof time === 'string') receivedAt = time;
    else row.reject('received_at', time.code, time.message);
  }
  const title = row.text('title', limits.title_max_chars.value);
  const content = row.text('content', limits.content_max_chars.value);
  const sender = row.text('sender', limits.sender_max_chars.value);
  const region = textCell(cells.region);
  if (region !== undefined && !/^\d{6}$/.test(region))
    row.reject('region', 'REGION_INVALID', '地区应为 6 位行政区划代码');
  return row.finish(() => ({
    source: source!,
    receivedAt: receivedAt!,
    title: title!,
    content: content!,
    ...(sender ? { sender } : {}),
    ...(region ? { regionCode: region } : {}),
  }));
}

function messageWriter(ctx: AppContext): ImportWriter<MessageRecord> {
  let rows: { line: number; record: MessageRecord }[] = [];
  let prepared: { analyser: Analyser; regions: Set<string> } | undefined;
  return {
    add: (line, record) => void rows.push({ line, record }),
    isFull: () => rows.length >= 1000,
    async write(trx: Db, runId: number): Promise<BatchOutcome> {
      prepared ??= { analyser: await analyserFor(ctx, trx), regions: await loadRegionCodes(trx) };
      const batch = rows;
      rows = [];
      const outcomes = await storeMessages(
        trx,
        ctx,
        prepared.analyser,
        prepared.regions,
        batch.map((r) => r.record),
        `import:${runId}`,
      );
      const result: BatchOutcome = { accepted: 0, unchanged: 0, rejects: [] };
      outcomes.forEach((o, i) => {
        if (o.status === 'accepted') result.accepted += 1;
        else if (o.status === 'unchanged') result.unchanged += 1;
        else result.rejects.push({ line: batch[i]!.line, ...o.reject });
      });
      return result;
    },
  };
}

/** The `messages` import kind (registered in modules/imports/kinds.ts). */
export const messagesImport: ImportKind<MessageRecord> = {
  kind: 'messages',
  label: '舆情留言',
  roles: ['province_hrss'],
  columns: COLUMNS,
  parseRow: (cells) => parseMessageRow(cells, todayInShanghai()),
  writeBatch: async (trx, ctx, rows, runId) => {
    const writer = messageWriter(ctx);
    for (const r of rows) writer.add(r.line, r.record);
    return writer.write(trx, runId);
  },
  createWriter: messageWriter,
  afterImport: async (ctx) => void (await refreshHotspots(ctx)),
};
