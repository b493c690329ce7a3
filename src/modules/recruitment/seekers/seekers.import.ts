import type { AppContext } from '../../../app-context.ts';
import type { Db } from '../../../db/database.ts';
import {
  parseSeekerContact,
  seekerContactIndex,
  seekerUsernameOf,
  type SeekerContact,
} from '../../accounts/seeker-logins.ts';
import type { BatchOutcome, ImportKind, ParsedRow, RawCell, RowReject } from '../../imports/import-kind.ts';
import { textCell } from '../../imports/cells.ts';
import { column, RowReader } from '../../workforce/row-reader.ts';
import { EDUCATION_LEVELS } from '../postings/postings.service.ts';
import * as repo from './seekers.repository.ts';

/**
 * Import kind `seekers`: job seekers already kept on 就在江苏 / 苏心聘, keyed by the platform's seeker
 * number. Their personal data is sealed exactly as a seeker registering here has it (SM4 ciphertext,
 * blind indexes of phone, e-mail and ID number). An imported seeker gets an account with no password:
 * its owner claims it by the ordinary registration path (a verification code to the phone or e-mail on
 * file, then a password). A phone or e-mail that already has an account is never given a second one:
 * the row is linked to that seeker, whose profile stays as they keep it; once claimed, an imported
 * profile is the person's own too, and later imports leave it alone.
 */
export interface SeekerImportRow {
  key: string;
  contact: SeekerContact;
  name: string;
  idNumber: string | null;
  education: string | null;
  graduationDate: string | null;
  certificates: string[];
}

export const SEEKER_COLUMNS = [
  column('seeker_no', '求职者编号'),
  column('contact', '手机号码或电子邮箱'),
  column('name', '姓名'),
  column('id_number', '公民身份号码', false),
  { ...column('education', '学历', false), values: EDUCATION_LEVELS.slice(1) },
  column('graduation_date', '毕业日期', false),
  column('certificates', '证书', false),
] as const;

const EDUCATION = {
  ...Object.fromEntries(EDUCATION_LEVELS.slice(1).map((v) => [v, v])),
  高中: '高中/中专/技校',
  中专: '高中/中专/技校',
  技校: '高中/中专/技校',
  专科: '大专',
  研究生: '硕士',
};

const isBlank = (value: RawCell) => value === undefined || value === null || String(value).trim() === '';

/** Validates a row: a mobile number or e-mail address, a name, an ID number with its check digit when given. */
export function parseSeekerRow(
  cells: Record<string, RawCell>,
  context?: Parameters<ImportKind<SeekerImportRow>['parseRow']>[1],
  today?: string,
): ParsedRow<SeekerImportRow> {
  const row = new RowReader(cells, SEEKER_COLUMNS, today, context?.usccOverrides);
  const key = row.text('seeker_no', 60);
  const contactText = row.text('contact', 64);
  const contact = contactText === undefined ? undefined : parseSeekerContact(contactText);
  if (contactText !== undefined && !contact)
    row.reject('contact', 'CONTACT_INVALID', '应为 11 位手机号码或有效的电子邮箱');
  const name = row.text('name', 40);
  const idNumber = isBlank(cells.id_number) ? null : row.idNumber('id_number');
  const education = row.choice('education', EDUCATION) ?? null;
  const graduationDate = row.date('graduation_date') ?? null;
  const certificates = (textCell(cells.certificates) ?? '')
    .split(/[、,，;；|]+/)
    .map((c) => c.trim())
    .filter(Boolean);
  if (certificates.some((c) => [...c].length > 60))
    row.reject('certificates', 'TEXT_TOO_LONG', '每个证书名称不超过 60 个字符');
  return row.finish(() => ({
    key: key!,
    contact: contact!,
    name: name!,
    idNumber: idNumber ?? null,
    education,
    graduationDate,
    certificates: [...new Set(certificates)],
  }));
}

type Stored = repo.SeekerRow;

/** The seeker's columns a row gives, sealed (ciphertext differs each time: compare opened values). */
function sealedColumns(ctx: AppContext, record: SeekerImportRow, index: string) {
  const { contact } = record;
  return {
    name_enc: ctx.cipher.encrypt(record.name),
    id_number_enc: record.idNumber ? ctx.cipher.encrypt(record.idNumber) : null,
    id_number_index: record.idNumber ? ctx.cipher.blindIndex('id', record.idNumber) : null,
    phone_enc: contact.channel === 'sms' ? ctx.cipher.encrypt(contact.phone) : null,
    phone_index: contact.channel === 'sms' ? index : null,
    email_enc: contact.channel === 'email' ? ctx.cipher.encrypt(contact.email) : null,
    email_index: contact.channel === 'email' ? index : null,
    education: record.education,
    graduation_date: record.graduationDate,
    certificates: JSON.stringify(record.certificates),
  };
}

function isSameRecord(ctx: AppContext, stored: Stored, record: SeekerImportRow, index: string): boolean {
  const open = (sealed: string | null) => (sealed ? ctx.cipher.decrypt(sealed) : null);
  return (
    (stored.phone_index ?? stored.email_index) === index &&
    open(stored.name_enc) === record.name &&
    open(stored.id_number_enc) === record.idNumber &&
    stored.education === record.education &&
    stored.graduation_date === record.graduationDate &&
    stored.certificates === JSON.stringify(record.certificates)
  );
}

const CONTACT_TAKEN: Omit<RowReject, 'line'> = {
  column: '手机号码或电子邮箱',
  code: 'CONTACT_TAKEN',
  message: '手机号码或电子邮箱：已属于另一位求职者（同一联系方式只能有一个账号）',
};

type Outcome = 'written' | 'unchanged' | Omit<RowReject, 'line'>;

/** A row whose seeker number is known: an unclaimed account follows the record; a claimed one is its owner's. */
async function updateImported(trx: Db, ctx: AppContext, stored: Stored, record: SeekerImportRow): Promise<Outcome> {
  const index = seekerContactIndex(ctx.cipher, record.contact);
  const holder = await repo.findSeekerByContactIndex(trx, index);
  if (holder && Number(holder.id) !== Number(stored.id)) return CONTACT_TAKEN;
  if (await repo.isAccountClaimed(trx, Number(stored.user_id))) return 'unchanged';
  if (isSameRecord(ctx, stored, record, index)) return 'unchanged';
  const at = ctx.clock().toISOString();
  const columns = sealedColumns(ctx, record, index);
  await repo.updateSeeker(trx, Number(stored.id), { ...columns, updated_at: at });
  await repo.updateSeekerAccount(trx, Number(stored.user_id), {
    username: seekerUsernameOf(ctx.cipher, record.contact),
    display_name: record.name,
    phone_enc: columns.phone_enc,
    phone_index: columns.phone_index,
    at,
  });
  return 'written';
}

/** A new seeker number: linked to the account its phone or e-mail already has, else a new unclaimed account. */
async function insertOrLink(trx: Db, ctx: AppContext, record: SeekerImportRow): Promise<Outcome> {
  const index = seekerContactIndex(ctx.cipher, record.contact);
  const holder = await repo.findSeekerByContactIndex(trx, index);
  if (holder?.source_key)
    return {
      ...CONTACT_TAKEN,
      message: `手机号码或电子邮箱：已随求职者编号 ${holder.source_key} 导入（同一联系方式只能有一个账号）`,
    };
  const at = ctx.clock().toISOString();
  if (holder) {
    await repo.updateSeeker(trx, Number(holder.id), { source_key: record.key, updated_at: at });
    return 'written';
  }
  const username = seekerUsernameOf(ctx.cipher, record.contact);
  if ((await repo.findUserIdByUsername(trx, username)) !== undefined) return CONTACT_TAKEN;
  const columns = sealedColumns(ctx, record, index);
  const accounts = await repo.insertSeekerAccounts(trx, [
    {
      username,
      display_name: record.name,
      password_hash: repo.UNCLAIMED_PASSWORD_HASH,
      phone_enc: columns.phone_enc,
      phone_index: columns.phone_index,
      at,
    },
  ]);
  await repo.insertSeeker(trx, {
    ...columns,
    user_id: accounts.get(username)!,
    source_key: record.key,
    created_at: at,
    updated_at: at,
  });
  return 'written';
}

/** Writes seekers by their number on the source platform: a repeat changes nothing. */
export async function writeSeekerBatch(
  trx: Db,
  ctx: AppContext,
  rows: readonly { line: number; record: SeekerImportRow }[],
): Promise<BatchOutcome> {
  const rejects: RowReject[] = [];
  let accepted = 0;
  let unchanged = 0;
  for (const { line, record } of rows) {
    const stored = await repo.findSeekerBySourceKey(trx, record.key);
    const outcome = stored ? await updateImported(trx, ctx, stored, record) : await insertOrLink(trx, ctx, record);
    if (outcome === 'written') accepted += 1;
    else if (outcome === 'unchanged') unchanged += 1;
    else rejects.push({ line, ...outcome });
  }
  return { accepted, unchanged, rejects };
}

/** `seekers`: 求职者 already kept on 就在江苏 / 苏心聘, one row per person, keyed by their number there. */
export const seekersImport: ImportKind<SeekerImportRow> = {
  kind: 'seekers',
  label: '求职者信息',
  columns: SEEKER_COLUMNS,
  parseRow: (cells, context) => parseSeekerRow(cells, context),
  writeBatch: (trx, ctx, rows) => writeSeekerBatch(trx, ctx, rows),
  batchSize: 500,
};
