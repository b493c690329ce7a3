import { createReadStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parse } from 'csv-parse';
import { enterpriseName } from '../src/modules/demo/demo-names.ts';
import { createRandom } from '../src/modules/demo/random.ts';
import {
  buildEnterpriseCells,
  contextFor,
  nextUscc,
  seedEnterprises,
} from '../src/modules/enterprises/enterprises.fixtures.ts';
import { runImport } from '../src/modules/imports/runner.ts';
import { buildClassifier } from '../src/modules/opinion/classify.ts';
import { labelledMessages, labelledRegister, scoreLabelledSet } from '../src/modules/opinion/labelled-set.ts';
import { buildLinker, deriveShortNames } from '../src/modules/opinion/linking.ts';
import { messagesImport } from '../src/modules/opinion/messages.import.ts';
import { loadLinkingRules, loadTopicRules } from '../src/modules/opinion/opinion-rules.ts';
import { wordBoundaries } from '../src/modules/opinion/segmentation.ts';
import { loadReferenceData } from '../src/modules/reference/reference.loader.ts';
import { systemActor } from '../src/platform/auth/current-user.ts';
import { addDays, todayInShanghai } from '../src/platform/iso-date.ts';
import { createTestDatabase } from '../src/test/dialects.ts';
import { printTable, ratioLine } from './lib/measure.ts';

/**
 * 舆情: linking precision and recall and topic accuracy on the hand-labelled set (bars: precision
 * ≥ 0.95, recall ≥ 0.9), then `messages` imported, segmented, linked against the register and
 * classified on SQLite, timed against reading the same file with the same CSV parser in the same
 * run. Run: `npm run bench -- opinion [--messages 100000] [--enterprises 15000]`.
 */

const { values: options } = parseArgs({
  args: process.argv.slice(2),
  options: { messages: { type: 'string', default: '100000' }, enterprises: { type: 'string', default: '15000' } },
  allowPositionals: true,
});
const MESSAGES = Number(options.messages);
const ENTERPRISES = Number(options.enterprises);

// 1. The labelled set.
const rules = loadLinkingRules();
const linker = buildLinker(labelledRegister(), rules);
const boundaries = wordBoundaries(linker.aliases());
const scores = scoreLabelledSet(labelledMessages(), linker, buildClassifier(loadTopicRules()), boundaries);
const bar = (value: number, min: number) => `${value.toFixed(3)}（指标 ≥ ${min}，${value >= min ? '达标' : '未达标'}）`;
console.log(
  `\n手工标注样本 ${scores.messages} 条，应关联 ${scores.goldLinks} 处，自动关联 ${scores.predictedLinks} 处`,
);
console.log('分词边界：jieba（src/platform/text/segmenter.ts，词典加入企业全称与简称）');
console.log(`关联准确率 precision = ${bar(scores.precision, 0.95)}`);
console.log(`关联召回率 recall = ${bar(scores.recall, 0.9)}`);
console.log(`主题准确率 = ${scores.topicAccuracy.toFixed(3)}；倾向准确率 = ${scores.toneAccuracy.toFixed(3)}`);
console.log(`待人工确认的简称：应留 ${scores.ambiguousGold} 处，留出 ${scores.ambiguousFlagged} 处`);
for (const e of scores.linkErrors.slice(0, 12)) console.log(`  关联有误：${e.text}`);

// 2. The import at scale.
const database = await createTestDatabase('sqlite');
await loadReferenceData(database.db);
const ctx = contextFor(database);
const random = createRandom(2026);
const PLACES = ['江苏', '南京', '苏州', '无锡', '常州', '南通', '徐州', '扬州', '昆山', '江阴'];
const INDUSTRIES = ['34', '35', '38', '39', '26', '65', '27', '33'];
const REGIONS = ['320115', '320505', '320214', '320412', '320612', '320312', '321012', '320583', '320281'];
const names = new Set<string>();
const cells = [];
for (let i = 0; names.size < ENTERPRISES && i < ENTERPRISES * 3; i += 1) {
  const name = enterpriseName(random, random.pick(PLACES), random.pick(INDUSTRIES), random.chance(0.3));
  if (names.has(name)) continue;
  names.add(name);
  const region = random.pick(REGIONS);
  cells.push(buildEnterpriseCells({ uscc: nextUscc(region), name, region_code: region }));
}
let started = performance.now();
for (let i = 0; i < cells.length; i += 2000) await seedEnterprises(ctx, cells.slice(i, i + 2000));
const seedSeconds = (performance.now() - started) / 1000;

const registerNames = [...names];
const templates = [
  '我是{e}的员工，公司拖欠工资三个月了，多次讨要无果。',
  '{e}突然裁员，没有给经济补偿，想咨询如何维权。',
  '{e}入职半年一直没交社保，电话 13912345678。',
  '{e}申请的稳岗返还什么时候到账？',
  '{e}招聘数控操作工 20 名，欢迎应聘。',
  '参加了{e}的技能提升培训班，感谢！',
  '请问办公地址在哪里？',
];
const dir = mkdtempSync(path.join(tmpdir(), 'yangfan-opinion-bench-'));
const file = path.join(dir, 'messages.csv');
const today = todayInShanghai();
const lines = ['来源,时间,标题,内容,来电/来信人,地区'];
for (let i = 0; i < MESSAGES; i += 1) {
  const name = random.pick(registerNames);
  const shorts = deriveShortNames(name, rules);
  const e = random.chance(0.5) || shorts.length === 0 ? name : random.pick(shorts);
  const text = random.pick(templates).replace('{e}', e);
  const day = addDays(today, -random.int(0, 60));
  lines.push(
    `12333,${day} ${String(random.int(8, 20)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:00,留言 ${i},${text},,`,
  );
}
writeFileSync(file, lines.join('\n'));

started = performance.now();
let rows = 0;
for await (const _record of createReadStream(file).pipe(parse({ bom: true, relax_column_count: true }))) rows += 1;
const readSeconds = (performance.now() - started) / 1000;

started = performance.now();
const summary = await runImport(ctx, systemActor('bench'), messagesImport, file);
const importSeconds = (performance.now() - started) / 1000;

printTable(
  `舆情留言导入（SQLite，${ENTERPRISES.toLocaleString()} 家企业，${MESSAGES.toLocaleString()} 条留言）`,
  [
    { step: '载入培育库（准备）', seconds: seedSeconds },
    { step: '读取同一文件（基线：CSV 解析）', seconds: readSeconds, note: `${rows - 1} 行` },
    {
      step: '导入+分词+关联+分类+加密+写库',
      seconds: importSeconds,
      note: `接收 ${summary.accepted}，拒收 ${summary.rejected}，未变 ${summary.unchanged}`,
    },
  ],
  [
    ratioLine('导入 / 读取', importSeconds, readSeconds),
    `导入用时 ${importSeconds.toFixed(1)} 秒（指标 ≤ 60 秒，${importSeconds <= 60 ? '达标' : '未达标'}）`,
  ],
);
await database.destroy();
rmSync(dir, { recursive: true, force: true });
