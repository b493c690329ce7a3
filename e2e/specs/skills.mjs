import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BenefitsPage } from '../pages/benefits.page.mjs';
import { approveCase } from './benefits.mjs';
import { submitApplication, uploadMaterials } from './benefits-application.mjs';
import { paymentSteps, seesCasePaidStep } from './benefits-payment.mjs';
import { ImportsPage } from '../pages/imports.page.mjs';
import { MonitoringPage } from '../pages/monitoring.page.mjs';
import { SkillsPage } from '../pages/skills.page.mjs';
import { expect, expectEqual } from '../support/harness.mjs';
import { makeIdNumber } from '../support/id-number.mjs';
import { demoAccount, runAs } from '../support/session.mjs';
import { makeUscc } from '../support/uscc.mjs';

const ENTERPRISE_NAME = '南京扬帆智能装备有限公司';
const ENTERPRISE_USCC = makeUscc('320115', 10_000_001);
/** 2,490 元 (南京, 一类, 2024 standard) × 60 % × 6 months served in 2025. */
const EXPECTED_2025 = '8,964.00';

function writeCsv(name, rows) {
  const dir = mkdtempSync(path.join(tmpdir(), 'yangfan-e2e-skills-'));
  const file = path.join(dir, name);
  writeFileSync(file, `\ufeff${rows.map((row) => row.join(',')).join('\r\n')}\r\n`, 'utf8');
  return file;
}

async function apiGet(page, baseUrl, apiPath) {
  const response = await page.request.get(`${baseUrl}/api/v1${apiPath}`);
  if (!response.ok()) throw new Error(`GET ${apiPath} answered ${response.status()}: ${await response.text()}`);
  return response.json();
}

/**
 * 技能人才 end to end: the demo enterprise applies to be an internship base and 南京 approves it;
 * 省人社 imports a graduate's registration, unemployment and trainee record (6 months in 2025),
 * runs 就业见习补贴 for 2025 and finds the enterprise's case at 8,964.00 元; the enterprise reads
 * the notice and sees its trainee masked; 省人社 scores the bases, selects a demonstration base, and
 * the dashboard's training and demonstration-base cards — on 总览 and on 技能人才 — show what GET /kpi
 * answers. The enterprise applies for its 就业见习补贴 case with the materials and 南京 approves it; answers the case, which
 * internshipSubsidyPaymentSpec pays once the server's clock is past its 公示.
 */
export async function skillsSpec(runner, { newContext, baseUrl, demoAccounts, label = '' }) {
  const as = (username) => ({ newContext, baseUrl, account: demoAccount(demoAccounts, username) });
  const titled = (title) => (label ? title.replace(/\)$/, `, ${label.trim()})`) : title);
  const serial = (Date.now() % 900) + 1;
  const trainee = { id: makeIdNumber('320115', '2002-05-17', serial), name: '林见习' };
  let wasBase = false;
  /** The 就业见习补贴 case taken on to 已拨付 after its 公示 (internshipSubsidyPaymentSpec). */
  const story = {};

  await runAs(runner, as('enterprise_demo'), titled('申请就业见习基地 (enterprise_demo)'), ({ page, layout }) => {
    const skills = new SkillsPage(page, baseUrl);
    return [
      [
        'opens 就业见习 and applies to be an internship base (unless it already is one)',
        async () => {
          await layout.openMenu('就业见习');
          await skills.waitForBases();
          const row = skills.baseRow(ENTERPRISE_NAME);
          wasBase = (await row.count()) > 0 && (await row.innerText()).includes('已认定');
          if (!wasBase) {
            await skills.applyForBase({ posts: 12, mentors: 3 });
            await skills.baseRow(ENTERPRISE_NAME).filter({ hasText: '待审核' }).waitFor();
          }
        },
      ],
    ];
  });

  await runAs(runner, as('city_nanjing'), titled('认定见习基地 (city_nanjing)'), ({ page }) => {
    const skills = new SkillsPage(page, baseUrl);
    return [
      [
        'approves the demo enterprise as a 市级 internship base',
        async () => {
          await skills.open();
          await skills.openTab('见习基地');
          await skills.waitForBases();
          if (!wasBase) await skills.approve(ENTERPRISE_NAME);
          await skills.baseRow(ENTERPRISE_NAME).filter({ hasText: '已认定' }).waitFor();
        },
      ],
    ];
  });

  await runAs(runner, as('province_hrss'), titled('见习人员导入与就业见习补贴 (province_hrss)'), ({ page }) => {
    const imports = new ImportsPage(page);
    const benefits = new BenefitsPage(page);
    const upload = async (kind, file) => {
      await page.goto(`${baseUrl}/imports?kind=${kind}`);
      await imports.waitForKinds();
      await imports.upload(file);
      expectEqual(await imports.waitUntilFinished(), '已完成', `${kind} import status`);
      const summary = await imports.summary();
      expectEqual(summary.rejected, 0, `${kind} rejected rows`);
      return summary;
    };
    return [
      [
        'imports the graduate, the unemployment registration and the trainee file',
        async () => {
          await upload(
            'graduates',
            writeCsv('graduates.csv', [
              ['公民身份号码', '姓名', '毕业院校', '学历', '毕业日期'],
              [trainee.id, trainee.name, '南京工业大学', '本科', '2024-06-30'],
            ]),
          );
          await upload(
            'unemployment',
            writeCsv('unemployment.csv', [
              ['公民身份号码', '姓名', '登记日期', '注销日期'],
              [trainee.id, trainee.name, '2024-07-10', ''],
            ]),
          );
          const summary = await upload(
            'trainees',
            writeCsv('trainees.csv', [
              [
                '公民身份号码',
                '姓名',
                '见习基地统一社会信用代码',
                '岗位',
                '开始日期',
                '结束日期',
                '是否完成',
                '是否留用',
                '月见习补贴（元）',
              ],
              [trainee.id, trainee.name, ENTERPRISE_USCC, '工艺技术员', '2025-03-01', '2025-08-31', '是', '是', '2490'],
            ]),
          );
          expectEqual(summary.accepted, 1, 'trainee rows imported');
          await runner.screenshot(page, '70-trainees-imported');
        },
      ],
      [
        'runs 就业见习补贴 for 2025 and finds the enterprise’s case at 8,964.00 元',
        async () => {
          await page.goto(`${baseUrl}/benefits/runs`);
          const status = await benefits.startMatchRun({ policy: '就业见习补贴', period: '2025' });
          expectEqual(status, '已完成', 'match run status');
          await page.getByRole('button', { name: '查看本批次案件' }).first().click();
          const row = benefits.caseRows.filter({ hasText: ENTERPRISE_NAME }).first();
          await row.waitFor();
          const text = await row.innerText();
          expect(text.includes(EXPECTED_2025) || wasBase, `the case should be ${EXPECTED_2025} 元: ${text}`);
          await runner.screenshot(page, '71-internship-subsidy-cases');
        },
      ],
    ];
  });

  await runAs(runner, as('enterprise_demo'), titled('就业见习补贴消息 (enterprise_demo)'), ({ page, layout }) => {
    const benefits = new BenefitsPage(page);
    const skills = new SkillsPage(page, baseUrl);
    return [
      [
        'reads the 就业见习补贴 notice with its amount',
        async () => {
          await layout.openMenu('政策消息');
          const texts = await benefits.inboxTexts();
          const notice = texts.find((text) => text.includes('就业见习补贴'));
          expect(
            notice && /[\d,]+\.\d{2} 元/.test(notice),
            `no 就业见习补贴 notice: ${texts.join(' | ').slice(0, 300)}`,
          );
        },
      ],
      [
        'opens the 就业见习补贴 case, uploads its three materials and applies with the receiving account',
        async () => {
          await benefits.openCaseFromInbox('就业见习补贴');
          story.caseId = Number(/\/benefits\/cases\/(\d+)/.exec(page.url())?.[1]);
          story.amount = await benefits.caseAmount();
          expect(story.amount === EXPECTED_2025 || wasBase, `the case should be ${EXPECTED_2025} 元: ${story.amount}`);
          expectEqual(await benefits.caseState(), '已匹配待确认', 'state before the application');
          await uploadMaterials(page, [
            ['internship_agreement', '见习协议.pdf'],
            ['trainee_roster', '见习人员花名册.pdf'],
            ['allowance_payment_proof', '见习生活补助发放凭证.pdf'],
          ]);
          await submitApplication(page, benefits, {
            bankName: '中国工商银行南京江宁支行',
            bankAccount: '6222 0201 0000 1234 567',
            accountHolder: ENTERPRISE_NAME,
          });
          story.bankAccount = '6222020100001234567';
        },
      ],
      [
        'records a 揭榜领题 challenge on its 人才情况 tab and sees its people counted by year',
        async () => {
          await layout.openMenu('本单位信息');
          await page.getByRole('tab', { name: '人才情况' }).click();
          await page.getByRole('table', { name: '人才情况年度趋势' }).waitFor();
          await page.getByRole('button', { name: '登记工作站或揭榜项目' }).click();
          const dialog = page.getByRole('dialog');
          await dialog.getByLabel('名称').fill('高精度减速器寿命提升');
          await dialog.getByLabel('领域').fill('精密制造');
          await dialog.getByLabel('悬赏金额（元）').fill('500000');
          await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
          const row = page.getByRole('table', { name: '博士后工作站与揭榜领题' }).locator('tbody tr.ant-table-row');
          await row.filter({ hasText: '高精度减速器寿命提升' }).filter({ hasText: '征集中' }).waitFor();
          expect((await row.first().innerText()).includes('500,000.00'), 'the reward is shown in yuan');
          await runner.screenshot(page, '72-enterprise-talent');
        },
      ],
      [
        'sees its trainee with the ID number masked',
        async () => {
          await layout.openMenu('就业见习');
          await skills.waitForBases();
          const rows = await skills.traineeRows(ENTERPRISE_NAME);
          const row = rows.find((text) => text.includes(trainee.name));
          expect(row, `the trainee should be listed: ${rows.join(' | ').slice(0, 200)}`);
          expect(!row.includes(trainee.id), 'the whole ID number must not be shown');
          expect(row.includes(trainee.id.slice(0, 3)), `the masked ID number should be shown: ${row}`);
          await runner.screenshot(page, '72-enterprise-trainees');
          await skills.closeTrainees();
        },
      ],
    ];
  });

  await runAs(runner, as('city_nanjing'), titled('就业见习补贴审核 (city_nanjing)'), ({ page }) => {
    const benefits = new BenefitsPage(page);
    return [
      [
        'approves the 就业见习补贴 case: 审核通过（公示）',
        async () => {
          expect(Number.isInteger(story.caseId), 'the enterprise step gave no case id');
          await page.goto(`${baseUrl}/benefits/cases/${story.caseId}`);
          await page.getByTestId('case-explanation').waitFor();
          await approveCase(page, benefits, '见习期间、留用情况与见习人员名单经核查属实，同意。');
        },
      ],
    ];
  });

  await runAs(runner, as('province_hrss'), titled('见习基地评分与示范基地 (province_hrss)'), ({ page }) => {
    const skills = new SkillsPage(page, baseUrl);
    const dashboard = new MonitoringPage(page, baseUrl);
    return [
      [
        'scores the bases and selects a demonstration base from the ranking',
        async () => {
          const before = (await apiGet(page, baseUrl, '/kpi')).indicators.demonstration_internship_bases.actual;
          await skills.open();
          await skills.openTab('见习基地');
          const ranked = await skills.score();
          expect(ranked.length > 0, 'the ranking should list scored bases');
          await skills.selectFirstCandidate();
          const after = (await apiGet(page, baseUrl, '/kpi')).indicators.demonstration_internship_bases.actual;
          expectEqual(after, before + 1, 'demonstration bases after the selection');
          await runner.screenshot(page, '73-base-ranking');
        },
      ],
      [
        'reads the skill-level ↔ title table with its sources on 人才评价',
        async () => {
          await skills.openTab('人才评价');
          const table = page.getByRole('table', { name: '技能等级与职称贯通' });
          await table.locator('tbody tr.ant-table-row').first().waitFor();
          const text = await table.innerText();
          for (const pair of ['高级工', '助理工程师', '技师', '高级工程师'])
            expect(text.includes(pair), `the table should show ${pair}`);
          await page.getByText('人社部发〔2020〕96号').first().waitFor();
        },
      ],
      [
        'the training tab and the dashboard cards show the counts GET /kpi answers',
        async () => {
          const plan = await apiGet(page, baseUrl, '/kpi?period=plan');
          const total = plan.indicators.training_person_times.actual;
          expect(total > 0, `training person-times should be counted, got ${total}`);
          await skills.openTab('培训人次');
          await page.getByText(total.toLocaleString('en-US')).first().waitFor();
          await dashboard.gotoAndTimeDrawing();
          const kpi = await apiGet(page, baseUrl, '/kpi');
          for (const key of [
            'training_person_times',
            'training_digital_person_times',
            'demonstration_internship_bases',
          ])
            expectEqual(
              Number((await dashboard.cardFigure(key)).replace(/,/g, '')),
              kpi.indicators[key].actual,
              `${key} on its card`,
            );
        },
      ],
      [
        'the dashboard’s 技能人才 tab shows the same figures, by month and by city',
        async () => {
          const kpi = await apiGet(page, baseUrl, '/kpi');
          await dashboard.openTab('技能人才');
          for (const key of [
            'training_person_times',
            'training_manufacturing_person_times',
            'training_digital_person_times',
            'demonstration_internship_bases',
          ])
            expectEqual(
              Number((await dashboard.cardFigure(key, 'skills-')).replace(/,/g, '')),
              kpi.indicators[key].actual,
              `${key} on the 技能人才 tab`,
            );
          const tab = await apiGet(page, baseUrl, '/monitoring/skills');
          const sum = (rows) => rows.reduce((n, r) => n + r.training_person_times, 0);
          expectEqual(sum(tab.months), kpi.indicators.training_person_times.actual, 'training summed over months');
          expectEqual(sum(tab.cities), kpi.indicators.training_person_times.actual, 'training summed over cities');
          await page.getByTestId('skills-by-city').locator('canvas, svg').first().waitFor();
          await runner.screenshot(page, '74-dashboard-skills-tab');
        },
      ],
    ];
  });
  return story;
}

/**
 * The 就业见习补贴 case on to the money, on a server whose demo clock has moved past its 公示: 省人社
 * makes the payment instruction, imports the bank's 成功 and sees the ledger balanced; the
 * enterprise sees the case 已拨付 (the steps of the 直补快办 story, benefits-payment.mjs).
 */
export async function internshipSubsidyPaymentSpec(
  runner,
  { newContext, baseUrl, demoAccounts, clockOffsetMs, story, label = '' },
) {
  const as = (username) => ({ newContext, baseUrl, clockOffsetMs, account: demoAccount(demoAccounts, username) });
  const titled = (title) => (label ? title.replace(/\)$/, `, ${label.trim()})`) : title);
  const shot = (page, name) => runner.screenshot(page, `${name}-internship${label ? `-${label.trim()}` : ''}`);
  await runAs(runner, as('province_hrss'), titled('就业见习补贴拨付 (province_hrss)'), ({ page, layout }) =>
    paymentSteps({ page, layout, story, shot, failFirst: false, isOnlyPaidCase: false }),
  );
  await runAs(runner, as('enterprise_demo'), titled('就业见习补贴：已拨付 (enterprise_demo)'), ({ page, layout }) => [
    seesCasePaidStep({
      page,
      layout,
      story,
      shot,
      states: ['已匹配待确认', '已确认待审核', '审核通过（公示）', '已发送支付指令', '已拨付'],
    }),
  ]);
}
