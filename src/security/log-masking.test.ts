import Fastify from 'fastify';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { decodeUrlText, findWholeIdNumbers, maskPersonalDataInText } from '../platform/crypto/masking.ts';
import { loggerOptions } from '../platform/http/logging.ts';

const ID = '11010519491231002X';
const PHONE = '13812345678';
const BANK = '6222021234567890123';

const fullWidth = (digits: string) => digits.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
const percentAll = (text: string) =>
  [...text].map((c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`).join('');

/** Ways a number reaches a URL: whole, encoded, double-encoded, split, full-width. */
const URL_VARIANTS: { name: string; url: string; secret: string }[] = [
  { name: 'ID in a path', url: `/api/v1/persons/${ID}`, secret: ID },
  { name: 'ID with a lowercase x', url: `/api/v1/persons/${ID.toLowerCase()}`, secret: ID },
  { name: 'ID percent-encoded', url: `/api/v1/persons/${percentAll(ID)}`, secret: ID },
  { name: 'ID partly encoded', url: `/api/v1/persons/1101%30519491231002X`, secret: ID },
  { name: 'ID double-encoded', url: `/api/v1/persons/${percentAll(ID).replace(/%/g, '%25')}`, secret: ID },
  { name: 'ID split by %20', url: `/api/v1/persons/110105%2019491231%20002X`, secret: ID },
  { name: 'ID split by + in a query', url: `/api/v1/persons?q=110105+19491231+002X`, secret: ID },
  { name: 'ID split by hyphens', url: `/api/v1/persons?q=110105-1949-1231-002X`, secret: ID },
  { name: 'ID split by %2D and %2E', url: `/api/v1/persons?q=110105%2D19491231%2E002X`, secret: ID },
  {
    name: 'ID in full-width digits',
    url: `/api/v1/persons?q=${encodeURIComponent(fullWidth(ID.slice(0, 17)) + 'X')}`,
    secret: ID,
  },
  { name: 'phone', url: `/api/v1/contacts?phone=${PHONE}`, secret: PHONE },
  { name: 'phone with +86', url: `/api/v1/contacts?phone=%2B86${PHONE}`, secret: PHONE },
  { name: 'phone split by %20', url: `/api/v1/contacts?phone=138%201234%205678`, secret: PHONE },
  { name: 'phone split by hyphens', url: `/api/v1/contacts?phone=138-1234-5678`, secret: PHONE },
  { name: '19-digit bank card', url: `/api/v1/payments?account=${BANK}`, secret: BANK },
  { name: 'bank card in groups of 4', url: `/api/v1/payments?account=6222%200212%203456%207890%20123`, secret: BANK },
  { name: 'bank card encoded', url: `/api/v1/payments/${percentAll(BANK)}`, secret: BANK },
];

/** The text with separators removed and full-width digits made ASCII: an unmasked number shows whole here. */
function compact(text: string): string {
  return decodeUrlText(text)
    .replace(/[\s\-._+]/g, '')
    .replace(/[\uFF10-\uFF19]/g, (c) => String(c.charCodeAt(0) - 0xff10))
    .toUpperCase();
}

describe('log masking (SPEC §7, DOMAIN §8)', () => {
  it.each(URL_VARIANTS)('a request line never carries the whole number: $name', async ({ url, secret }) => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _e, done) {
        lines.push(chunk.toString('utf8'));
        done();
      },
    });
    const app = Fastify({ logger: loggerOptions('info', stream) });
    app.get('/*', async (request) => {
      request.log.info({ note: `查询 ${decodeURIComponent(request.url)}` }, `处理 ${request.url}`);
      return {};
    });
    await app.inject({ method: 'GET', url });
    await app.close();
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      expect(compact(line)).not.toContain(secret);
      expect(findWholeIdNumbers(line)).toEqual([]);
    }
    expect(lines.join('\n')).toMatch(/\*{4}/);
  });

  it('masks split, full-width and prefixed numbers in free text and keeps ordinary figures', () => {
    expect(maskPersonalDataInText('身份证 110105 19491231 002X，电话 138-1234-5678')).toBe(
      '身份证 1101**********002X，电话 138****5678',
    );
    expect(maskPersonalDataInText(`卡号 ${BANK} 与 6222 0212 3456 7890 123`)).toBe(
      '卡号 ***************0123 与 ***************0123',
    );
    expect(maskPersonalDataInText(`电话 ${PHONE} ${PHONE}`)).toBe('电话 138****5678 138****5678');
    expect(maskPersonalDataInText(`${fullWidth(ID.slice(0, 17))}X`)).toBe('1101**********002X');
    expect(maskPersonalDataInText('+86 138 1234 5678')).toBe('+138****5678');
    const ordinary = '2026-12-07 06:55 共 1,234,567.89 元，期间 202401，案件 123456，时间戳 1733550000000';
    expect(maskPersonalDataInText(ordinary)).toBe(ordinary);
  });

  it('the test guard finds encoded and split ID numbers too', () => {
    expect(findWholeIdNumbers(`a ${percentAll(ID)} b`)).toEqual([ID]);
    expect(findWholeIdNumbers('q=110105%2019491231%20002X')).toEqual([ID]);
    expect(findWholeIdNumbers('1101**********002X 123456789012345678')).toEqual([]);
  });
});
