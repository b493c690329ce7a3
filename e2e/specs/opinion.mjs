import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ImportsPage } from '../pages/imports.page.mjs';
import { OpinionPage } from '../pages/opinion.page.mjs';
import { expect, expectEqual } from '../support/harness.mjs';
import { demoAccount, runAs } from '../support/session.mjs';

const ENTERPRISE_NAME = '南京扬帆智能装备有限公司';
/** A short name the register derives for it (region prefix and legal form stripped). */
const SHORT_NAME = '扬帆智能装备';
const PHONE = '13912345678';

function writeCsv(name, rows) {
  const dir = mkdtempSync(path.join(tmpdir(), 'yangfan-e2e-opinion-'));
  const file = path.join(dir, name);
  writeFileSync(file, `\ufeff${rows.map((row) => row.join(',')).join('\r\n')}\r\n`, 'utf8');
  return file;
}

/** Today in Beijing (YYYY-MM-DD): the import refuses a time after today. */
function todayInShanghai() {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
}

/**
 * 舆情监测 end to end: 省人社 imports three 12333 calls about the demo enterprise's unpaid wages
 * (full and short name); the list shows the new message linked to the enterprise, classified 欠薪
 * and routed to its region, the 热点 tab lists a hotspot, and outside the handling office the
 * caller's name and phone number are masked; 南京 (the handling office) takes the message through
 * 受理 → 提交答复 → 办结 with a reply, and 省人社 sees it 已办结.
 */
export async function opinionSpec(runner, { newContext, baseUrl, demoAccounts, label = '' }) {
  const as = (username) => ({ newContext, baseUrl, account: demoAccount(demoAccounts, username) });
  const tag = `编号${(Date.now() % 90_000) + 10_000}`;
  const today = todayInShanghai();
  const fullTitle = `${ENTERPRISE_NAME}拖欠工资${tag}`;
  const shortTitle = `${SHORT_NAME}欠薪${tag}`;
  const replyText = `已联系企业核实，约定本月 25 日前补发拖欠工资，劳动保障监察跟踪督办${tag}`;
  let id;

  await runAs(runner, as('province_hrss'), `舆情留言导入与研判 ${label}(province_hrss)`, ({ page }) => {
    const imports = new ImportsPage(page);
    const opinion = new OpinionPage(page, baseUrl);
    return [
      [
        'imports three 12333 calls naming the demo enterprise by full and short name (0 rejected)',
        async () => {
          await page.goto(`${baseUrl}/imports?kind=messages`);
          await imports.waitForKinds();
          await imports.upload(
            writeCsv('messages.csv', [
              ['来源', '时间', '标题', '内容', '来电/来信人'],
              [
                '12333',
                `${today} 23:58:00`,
                fullTitle,
                `我是${ENTERPRISE_NAME}的员工，公司已经拖欠工资两个月，多次讨要无果，联系电话 ${PHONE}。`,
                '王建国',
              ],
              [
                '12333',
                `${today} 23:57:00`,
                shortTitle,
                `${SHORT_NAME}拖欠我们车间工资三个月，老板一直说下个月发。`,
                '李秀英',
              ],
              [
                '12333',
                `${today} 23:56:00`,
                `${ENTERPRISE_NAME}欠薪${tag}`,
                `反映${ENTERPRISE_NAME}欠发上月工资，涉及十余名工人，请求帮助讨薪。`,
                '张志强',
              ],
            ]),
          );
          expectEqual(await imports.waitUntilFinished(), '已完成', 'messages import status');
          const summary = await imports.summary();
          expectEqual(summary.rejected, 0, 'rejected rows');
          expectEqual(summary.accepted, 3, 'imported rows');
        },
      ],
      [
        'lists the new message linked to the enterprise, classified 欠薪 and routed to its region',
        async () => {
          await opinion.open();
          const cells = await opinion.messageCells(fullTitle);
          expect(cells['涉及企业'].includes(ENTERPRISE_NAME), `linked to the enterprise: ${JSON.stringify(cells)}`);
          expect(!cells['涉及企业'].includes('待确认'), `linked without doubt: ${cells['涉及企业']}`);
          expectEqual(cells['主题'], '欠薪', 'topic');
          expectEqual(cells['来源'], '12333', 'source');
          expectEqual(cells['状态'], '待处理', 'state');
          expect(
            cells['承办地区'].includes('南京') || cells['承办地区'].includes('江宁'),
            `routed: ${cells['承办地区']}`,
          );
          const short = await opinion.messageCells(shortTitle);
          expect(short['涉及企业'].includes(ENTERPRISE_NAME), `the short name links too: ${short['涉及企业']}`);
          expectEqual(short['主题'], '欠薪', 'topic of the short-name message');
          await runner.screenshot(page, '85-opinion-messages');
        },
      ],
      [
        'sees a hotspot on the 热点 tab',
        async () => {
          const rows = await opinion.hotspotRows();
          expect(rows.length > 0, 'a hotspot should be listed');
          expect(
            rows.some((row) => row.includes('欠薪') || row.includes('有限公司')),
            `a wage-arrears or enterprise hotspot: ${rows.join(' | ').slice(0, 300)}`,
          );
          await runner.screenshot(page, '86-opinion-hotspots');
        },
      ],
      [
        'opens the message: outside the handling office the caller and the phone number are masked',
        async () => {
          await opinion.openTab('留言');
          id = await opinion.openMessage(fullTitle);
          const sender = await opinion.detailField('来电/来信人');
          expectEqual(sender, '王**', 'the caller as shown');
          const text = await page.getByTestId('opinion-text').innerText();
          expect(!text.includes(PHONE), 'the whole phone number must not be shown');
          expect(text.includes('139****5678'), `the masked phone number should be shown: ${text}`);
          expect((await opinion.detailField('主题')).includes('欠薪'), 'topic on the detail page');
          expect((await opinion.detailField('涉及企业')).includes(ENTERPRISE_NAME), 'link on the detail page');
          await opinion.handling.getByText('由承办地区人社部门或企业服务专员办理。').waitFor();
          await runner.screenshot(page, '87-opinion-masked');
        },
      ],
    ];
  });

  await runAs(runner, as('city_nanjing'), `舆情留言研处 ${label}(city_nanjing)`, ({ page }) => {
    const opinion = new OpinionPage(page, baseUrl);
    return [
      [
        'takes the message through 受理 → 提交答复 → 办结 with a reply',
        async () => {
          expect(Number.isInteger(id), 'the message id from the province’s view');
          await opinion.gotoMessage(id);
          await opinion.waitForState('待处理');
          const text = await page.getByTestId('opinion-text').innerText();
          expect(text.includes(PHONE), 'the handling office reads the whole text');
          await opinion.start();
          await opinion.reply(replyText);
          await opinion.close();
          expect((await opinion.handlingText()).includes(replyText), 'the reply is shown');
          await runner.screenshot(page, '88-opinion-closed');
        },
      ],
    ];
  });

  await runAs(runner, as('province_hrss'), `舆情留言已办结 ${label}(province_hrss)`, ({ page }) => {
    const opinion = new OpinionPage(page, baseUrl);
    return [
      [
        'sees the message 已办结 in the list',
        async () => {
          await opinion.open();
          expectEqual((await opinion.messageCells(fullTitle))['状态'], '已办结', 'state');
        },
      ],
    ];
  });
}
