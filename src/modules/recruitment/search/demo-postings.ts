import type { AppContext } from '../../../app-context.ts';
import { createRandom, type Random } from '../../demo/random.ts';
import { rebuildSearchIndex } from './search-index.ts';
import { forgetSearchAnswers } from './search.service.ts';

/**
 * The demo's published job postings (`yangfan demo`, `npm start`, the search benchmark): each
 * enterprise of the register posts a few jobs typical of its industry, in its own county. Most were
 * published over the plan window 2024–2025 (they count in 发布岗位信息 once, in the year first
 * published) and have expired; a share was published in the last four months and is still open, so
 * the public search shows them. The search index is rebuilt at the end.
 */

interface Template {
  title: string;
  occupation: string;
  salary: [number, number];
  education: string;
  experience: string;
  duties: string;
  /** Industry divisions (GB/T 4754) the job belongs to; empty: any. */
  industries: string[];
}

const MANUFACTURING = ['26', '27', '33', '34', '35', '36', '37', '38', '39', '40', '29', '30', '31', '32'];
const ELECTRONICS = ['38', '39', '40'];
const SOFTWARE = ['63', '64', '65'];

const T = (
  title: string,
  occupation: string,
  salary: [number, number],
  education: string,
  experience: string,
  duties: string,
  industries: string[] = MANUFACTURING,
): Template => ({ title, occupation, salary, education, experience, duties, industries });

const TEMPLATES: Template[] = [
  T(
    '数控车工',
    '6-18-01-01',
    [6000, 9000],
    '高中/中专/技校',
    '1-3年',
    '操作数控车床完成零件加工，能看懂机械图纸，会使用千分尺、卡尺等量具',
  ),
  T(
    '数控铣工',
    '6-18-01-02',
    [6500, 9500],
    '高中/中专/技校',
    '1-3年',
    '操作数控铣床和加工中心，独立完成对刀、程序调用和首件检验',
  ),
  T(
    '加工中心操作工',
    '6-18-01-07',
    [7000, 10500],
    '高中/中专/技校',
    '1-3年',
    '操作立式、卧式加工中心，按工艺文件完成箱体类零件加工',
  ),
  T(
    '数控工艺工程师',
    '2-02-07-02',
    [11000, 18000],
    '本科',
    '3-5年',
    '编制数控加工工艺和程序，负责刀具选型、工装设计和加工节拍优化',
  ),
  T(
    '机械设计工程师',
    '2-02-07-01',
    [10000, 18000],
    '本科',
    '3-5年',
    '使用 SolidWorks、AutoCAD 完成设备结构设计、三维建模和出图，参与样机试制',
  ),
  T(
    '焊工',
    '6-18-02-04',
    [7000, 11000],
    '初中',
    '1-3年',
    '从事结构件二氧化碳保护焊和氩弧焊，持焊工证，能进行全位置焊接',
  ),
  T(
    '焊接工艺工程师',
    '2-02-07-02',
    [10000, 15000],
    '本科',
    '3-5年',
    '制定焊接工艺评定和焊接作业指导书，解决现场焊接质量问题',
  ),
  T(
    '装配钳工',
    '6-20-01-01',
    [6500, 9500],
    '高中/中专/技校',
    '1-3年',
    '负责设备部件的装配、调试和精度检测，能读装配图',
  ),
  T(
    '机修钳工',
    '6-31-01-02',
    [6500, 9000],
    '高中/中专/技校',
    '3-5年',
    '负责生产设备的机械维修和保养，能独立更换轴承、齿轮和密封件',
  ),
  T(
    '设备电工',
    '6-31-01-03',
    [6000, 9000],
    '高中/中专/技校',
    '1-3年',
    '负责车间设备电气线路维护和故障排除，持低压电工证，会 PLC 基本调试',
  ),
  T(
    '电气自动化工程师',
    '2-02-11-02',
    [11000, 17000],
    '本科',
    '3-5年',
    '负责自动化设备电气设计和 PLC 编程，熟悉西门子、三菱 PLC 和伺服系统',
  ),
  T(
    '工业机器人系统运维员',
    '6-31-07-01',
    [8000, 12000],
    '大专',
    '1-3年',
    '负责焊接、搬运机器人的示教编程、日常维护与故障处理',
  ),
  T(
    '机器视觉工程师',
    '6-31-07-02',
    [13000, 20000],
    '本科',
    '3-5年',
    '开发工业视觉检测算法，完成相机选型和光源方案，部署缺陷检测系统',
  ),
  T(
    '智能制造工程师',
    '2-02-38-05',
    [14000, 22000],
    '本科',
    '3-5年',
    '规划智能工厂产线，推进 MES 系统实施和设备联网，提升生产自动化水平',
  ),
  T(
    '质量工程师',
    '2-02-29-03',
    [9000, 14000],
    '本科',
    '3-5年',
    '建立和维护质量管理体系，负责来料、过程和出货检验，主导客户审核',
  ),
  T('质量检验员', '2-02-29-03', [5500, 8000], '大专', '不限', '按检验标准完成零部件尺寸和外观检验，填写检验记录'),
  T('仓储管理员', '4-02-06-01', [5000, 7000], '高中/中专/技校', '不限', '负责原材料和成品出入库、盘点和 ERP 账务处理'),
  T(
    '化工总控工',
    '6-11-01-03',
    [6000, 9000],
    '高中/中专/技校',
    '1-3年',
    '负责合成车间 DCS 操作和生产记录，执行安全操作规程',
    ['26', '27', '28'],
  ),
  T('化工工艺工程师', '2-02-06-03', [9000, 15000], '本科', '3-5年', '负责化工生产工艺优化、技术改造和安全环保评估', [
    '26',
    '27',
    '28',
  ]),
  T(
    '药品质量检验员',
    '2-02-29-03',
    [6500, 9500],
    '本科',
    '1-3年',
    '按 GMP 要求完成原辅料和成品理化检验，使用液相色谱仪',
    ['27'],
  ),
  T('生物制药研发员', '2-02-06-01', [9000, 16000], '硕士', '1-3年', '从事抗体药物细胞培养和纯化工艺研究', ['27']),
  T(
    '嵌入式软件工程师',
    '2-02-10-06',
    [14000, 25000],
    '本科',
    '3-5年',
    '负责 MCU 嵌入式软件开发，熟悉 C 语言和 RTOS，参与驱动与固件调试',
    ELECTRONICS,
  ),
  T(
    '集成电路设计工程师',
    '2-02-38-09',
    [20000, 35000],
    '硕士',
    '3-5年',
    '负责模拟或数字集成电路设计与仿真，配合版图、流片和芯片测试',
    ELECTRONICS,
  ),
  T(
    '芯片测试工程师',
    '2-02-38-09',
    [12000, 20000],
    '本科',
    '1-3年',
    '开发半导体芯片量产测试程序，分析测试良率，维护测试机台',
    ELECTRONICS,
  ),
  T(
    '半导体工艺工程师',
    '2-02-09-02',
    [13000, 22000],
    '硕士',
    '1-3年',
    '负责晶圆刻蚀、薄膜工艺开发和良率提升，处理工艺异常',
    ELECTRONICS,
  ),
  T(
    '电子元器件工程师',
    '2-02-09-02',
    [10000, 16000],
    '本科',
    '1-3年',
    '负责电子元器件选型、可靠性测试和失效分析',
    ELECTRONICS,
  ),
  T(
    '光伏组件工艺工程师',
    '2-02-11-01',
    [10000, 16000],
    '本科',
    '1-3年',
    '负责光伏组件层压、串焊工艺参数优化，提升组件功率和良率',
    ['38'],
  ),
  T(
    '锂电池工艺工程师',
    '2-02-11-01',
    [10000, 16000],
    '本科',
    '1-3年',
    '负责锂离子电池涂布、卷绕工艺开发，解决量产工艺问题',
    ['38'],
  ),
  T('电池生产操作工', '6-25-04-10', [5500, 7500], '初中', '不限', '在电池生产线从事电芯装配和检测，无经验可培训上岗', [
    '38',
  ]),
  T(
    'Java 开发工程师',
    '2-02-10-03',
    [15000, 25000],
    '本科',
    '3-5年',
    '负责平台后端开发，熟悉 Spring Boot、MySQL 和 Redis，有微服务经验优先',
    SOFTWARE,
  ),
  T(
    '前端开发工程师',
    '4-04-05-01',
    [12000, 20000],
    '本科',
    '1-3年',
    '使用 React 和 TypeScript 开发数据可视化大屏与管理后台',
    SOFTWARE,
  ),
  T(
    '软件测试工程师',
    '4-04-05-02',
    [9000, 15000],
    '大专',
    '1-3年',
    '负责软件功能测试和接口自动化测试，编写测试用例，跟踪缺陷',
    SOFTWARE,
  ),
  T(
    '大数据开发工程师',
    '2-02-38-03',
    [18000, 30000],
    '本科',
    '3-5年',
    '基于 Hadoop、Spark 和 Flink 建设数据仓库与实时计算平台',
    SOFTWARE,
  ),
  T(
    '人工智能算法工程师',
    '2-02-38-01',
    [25000, 40000],
    '硕士',
    '3-5年',
    '研究计算机视觉和自然语言处理算法，负责模型训练与部署',
    SOFTWARE,
  ),
  T(
    '网络与信息安全管理员',
    '4-04-04-02',
    [9000, 14000],
    '大专',
    '1-3年',
    '负责网络设备运维和安全加固，处理安全事件，配合等保测评',
    SOFTWARE,
  ),
  T(
    '数据分析师',
    '2-02-30-09',
    [10000, 16000],
    '本科',
    '1-3年',
    '分析生产和经营数据，建立报表和预测模型，熟悉 Python 和 SQL',
    [],
  ),
  T('销售工程师', '4-01-02-07', [8000, 20000], '大专', '1-3年', '负责区域客户开发和维护，完成销售目标，需适应出差', []),
  T('环保工程师', '2-02-27-02', [8000, 12000], '本科', '3-5年', '负责废水、废气处理设施运行管理和环评手续办理', []),
  T('碳排放管理员', '4-09-07-04', [8000, 13000], '本科', '1-3年', '负责企业碳排放核算、碳足迹认证和碳交易相关工作', []),
  T(
    '研发助理（见习）',
    '2-02-30-01',
    [4000, 6000],
    '本科',
    '应届生',
    '面向应届毕业生的就业见习岗位，参与产品研发测试，导师带教',
    [],
  ),
];

const BENEFITS = ['五险一金', '包食宿', '双休', '年终奖', '带薪年假', '人才公寓', '交通补贴', '倒班补贴', '节日福利'];
const EXTRA_TAGS = ['应届生', '见习岗位', '残疾人友好'];

export interface DemoPostingsSummary {
  postings: number;
  open: number;
  indexed: number;
}

function templatesFor(industry: string | null): Template[] {
  const fitting = TEMPLATES.filter((t) => t.industries.length === 0 || (industry && t.industries.includes(industry)));
  return fitting.length > 0 ? fitting : TEMPLATES.filter((t) => t.industries.length === 0);
}

function roundTo(value: number, step: number): number {
  return Math.max(step, Math.round(value / step) * step);
}

function dayOffset(iso: string, days: number): string {
  return new Date(Date.parse(iso) + days * 86_400_000).toISOString();
}

function posting(random: Random, e: DemoSource, publishedAt: string, now: string) {
  const t = random.pick(templatesFor(e.industry_code));
  const factor = 0.85 + random.next() * 0.35;
  const salaryMin = roundTo(t.salary[0] * factor, 500);
  const salaryMax = Math.max(salaryMin, roundTo(t.salary[1] * factor, 500));
  const benefits = [...new Set([random.pick(BENEFITS), random.pick(BENEFITS)])];
  const tags = [...benefits, ...(random.chance(0.15) ? [random.pick(EXTRA_TAGS)] : [])];
  const valid = dayOffset(publishedAt, random.int(60, 240)).slice(0, 10);
  return {
    uscc: e.uscc,
    title: t.title,
    occupation_code: t.occupation,
    posts: random.int(1, 10),
    salary_min: salaryMin,
    salary_max: salaryMax,
    education: t.education,
    experience: t.experience,
    region_code: e.region_code,
    city_code: e.city_code,
    address: `${e.region_name ?? ''}厂区`,
    description: `${t.duties}。${e.name}是${e.tier_text}，工作地点在${e.city_name ?? ''}${e.region_name ?? ''}。提供${benefits.join('、')}。`,
    valid_until: valid,
    tags: JSON.stringify(tags),
    status: 'published' as const,
    flag_count: 0,
    review_comment: null,
    submitted_at: publishedAt,
    reviewed_at: publishedAt,
    reviewed_by: null,
    first_published_at: publishedAt,
    created_by: null,
    created_at: publishedAt,
    updated_at: now < publishedAt ? publishedAt : now,
  };
}

interface DemoSource {
  uscc: string;
  name: string;
  region_code: string;
  city_code: string;
  industry_code: string | null;
  tier_text: string;
  region_name: string | null;
  city_name: string | null;
}

const TIER_TEXT: Record<string, string> = {
  innovative: '创新型中小企业',
  srdi: '专精特新中小企业',
  little_giant: '专精特新“小巨人”企业',
};

/**
 * Writes `count` published postings (default: about one for every two enterprises) when the
 * register has enterprises and no postings yet, then rebuilds the search index.
 */
export async function loadDemoPostings(
  ctx: AppContext,
  seed: number,
  options: { count?: number; index?: boolean; onProgress?: (written: number, total: number) => void } = {},
): Promise<DemoPostingsSummary> {
  const summary: DemoPostingsSummary = { postings: 0, open: 0, indexed: 0 };
  const any = await ctx.db.selectFrom('job_postings').select('id').limit(1).executeTakeFirst();
  if (any) return summary;
  const rows = await ctx.db
    .selectFrom('enterprises as e')
    .leftJoin('regions as r', 'r.code', 'e.region_code')
    .leftJoin('regions as c', 'c.code', 'e.city_code')
    .select([
      'e.uscc',
      'e.name',
      'e.region_code',
      'e.city_code',
      'e.industry_code',
      'e.tier',
      'r.name as region_name',
      'c.name as city_name',
    ])
    .orderBy('e.uscc')
    .execute();
  if (rows.length === 0) return summary;
  const enterprises: DemoSource[] = rows.map((r) => ({ ...r, tier_text: TIER_TEXT[r.tier] ?? '科技型企业' }));
  const random = createRandom(seed ^ 0x5eac4);
  const total = options.count ?? Math.max(10, Math.round(enterprises.length * 0.5));
  const now = ctx.clock().toISOString();
  const planStart = Date.parse('2024-01-01T00:00:00+08:00');
  const planEnd = Date.parse('2026-01-01T00:00:00+08:00');
  const recentStart = Date.parse(now) - 120 * 86_400_000;
  let batch: ReturnType<typeof posting>[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const chunk = batch;
    batch = [];
    await ctx.db.transaction().execute(async (trx) => {
      for (let i = 0; i < chunk.length; i += 500)
        await trx
          .insertInto('job_postings')
          .values(chunk.slice(i, i + 500))
          .execute();
    });
    options.onProgress?.(summary.postings, total);
  };
  for (let i = 0; i < total; i += 1) {
    const e = enterprises[random.int(0, enterprises.length - 1)]!;
    // Six in ten over the plan window (counted there, expired now), four in ten still open.
    const open = random.chance(0.4);
    const at = open
      ? recentStart + random.next() * (Date.parse(now) - recentStart)
      : planStart + random.next() * (planEnd - planStart);
    const row = posting(random, e, new Date(Math.floor(at / 1000) * 1000).toISOString(), now);
    if (open && row.valid_until <= now.slice(0, 10)) row.valid_until = dayOffset(now, random.int(30, 180)).slice(0, 10);
    if (row.valid_until > now.slice(0, 10)) summary.open += 1;
    batch.push(row);
    summary.postings += 1;
    if (batch.length >= 5000) await flush();
  }
  await flush();
  // The search benchmark times the indexing on its own.
  if (options.index !== false) summary.indexed = await rebuildSearchIndex(ctx, now);
  forgetSearchAnswers(ctx);
  return summary;
}
