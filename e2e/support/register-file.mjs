import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { makeUscc } from './uscc.mjs';

const HEADER = [
  '统一社会信用代码',
  '企业名称',
  '梯度类型',
  '认定日期',
  '有效期至',
  '所在地区代码',
  '行业代码',
  '企业规模',
  '联系人',
  '联系电话',
];
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** The same code with another 18th character: a typo the check character catches. */
function withWrongCheckChar(uscc) {
  const last = uscc.at(-1);
  return uscc.slice(0, 17) + CHARSET[(CHARSET.indexOf(last) + 1) % CHARSET.length];
}

/**
 * A small 培育库 file (SPEC §3) as the 工信 side sends it: three good rows — two in 南京, one in
 * 苏州 — and, on line 4, one whose credit code has a wrong check character. Names carry a tag
 * unique to the run, so the story finds its own enterprises among any demo data.
 */
export function writeRegisterCsv() {
  const tag = `E2E${Date.now().toString(36).toUpperCase()}`;
  const serial = Date.now() % 10_000_000;
  const enterprises = {
    gulou: {
      uscc: makeUscc('320106', serial + 1),
      name: `${tag}南京启航精密机械有限公司`,
      city: '南京市',
      tier: '专精特新中小企业',
    },
    jiangning: {
      uscc: makeUscc('320115', serial + 2),
      name: `${tag}南京扬帆传感技术有限公司`,
      city: '南京市',
      tier: '专精特新“小巨人”企业',
    },
    suzhou: {
      uscc: makeUscc('320505', serial + 3),
      name: `${tag}苏州远航新材料有限公司`,
      city: '苏州市',
      tier: '创新型中小企业',
    },
  };
  const badUscc = withWrongCheckChar(makeUscc('320106', serial + 4));
  const rows = [
    HEADER,
    [
      enterprises.gulou.uscc,
      enterprises.gulou.name,
      '专精特新',
      '2024-01-15',
      '2027-01-14',
      '320106',
      '34',
      '小型',
      '张启航',
      '13912345678',
    ],
    [
      enterprises.jiangning.uscc,
      enterprises.jiangning.name,
      '“小巨人”',
      '2023/7/1',
      '2026/6/30',
      '320115',
      'C39',
      '中型',
      '李扬帆',
      '025-83456789',
    ],
    [badUscc, `${tag}校验码错误企业`, '专精特新', '2024-01-15', '2027-01-14', '320106', '34', '小型', '', ''],
    [
      enterprises.suzhou.uscc,
      enterprises.suzhou.name,
      '创新型',
      '20240301',
      '20270228',
      '320505',
      '35',
      '微型',
      '',
      '',
    ],
  ];
  const dir = mkdtempSync(path.join(tmpdir(), 'yangfan-e2e-files-'));
  const file = path.join(dir, `培育库-${tag}.csv`);
  writeFileSync(file, `\ufeff${rows.map((row) => row.join(',')).join('\r\n')}\r\n`, 'utf8');
  return { file, tag, enterprises, badUscc, badLine: 4, header: HEADER };
}

/** A register file with the columns of another system: refused whole, with the expected columns named. */
export function writeWrongHeaderCsv() {
  const dir = mkdtempSync(path.join(tmpdir(), 'yangfan-e2e-files-'));
  const file = path.join(dir, '错误表头.csv');
  writeFileSync(file, '\ufeff企业代码,名称,级别\r\n91320106000000001X,某企业,专精特新\r\n', 'utf8');
  return { file };
}
