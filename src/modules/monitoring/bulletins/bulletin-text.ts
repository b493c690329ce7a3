import type { BulletinContent } from './bulletin-content.ts';
import type { IndicatorReport } from '../indicators/indicators.service.ts';

/**
 * The short Chinese text of a 通报: the main figures of the month and their change against the
 * previous month, progress against the notice's target, the shares against theirs, the new
 * alerts and (for the province) the leading cities. Pure: the same content, the same words.
 */

type TextInput = Omit<BulletinContent, 'paragraphs'>;

/** Thousands separators, as 通报 print them. */
export function formatCount(value: number): string {
  return value.toLocaleString('en-US');
}

/** A fraction as a percentage with one decimal: 0.1416 → 14.2%. */
export function formatPercent(value: number): string {
  return `${(value * 100).toFixed(1)}%`;
}

const actual = (report: IndicatorReport, key: string) => report.indicators[key]?.actual ?? null;

function change(current: number, previous: number | null, unit: string): string {
  if (previous === null) return '';
  const delta = current - previous;
  if (delta === 0) return '，与上月持平';
  return `，较上月${delta > 0 ? '增加' : '减少'} ${formatCount(Math.abs(delta))} ${unit}`;
}

/** The paragraphs of the bulletin's text. */
export function writeBulletinText(content: TextInput, isProvince: boolean): string[] {
  const { current } = content;
  const place = isProvince ? '全省' : content.region.name;
  const monitored = actual(current, 'monitored_enterprises');
  if (monitored === null) return [`${content.periodLabel}${place}暂无监测数据。`];
  const paragraphs = [headline(content, place, monitored), absorbedParagraph(current), alertParagraph(content)];
  if (isProvince) paragraphs.push(leadersParagraph(content));
  return paragraphs.filter((p) => p.length > 0);
}

function headline(content: TextInput, place: string, monitored: number): string {
  const { current, previous } = content;
  const insured = actual(current, 'insured_employees') ?? 0;
  const [hires, separations] = [actual(current, 'new_hires') ?? 0, actual(current, 'separations') ?? 0];
  const previousMonitored = actual(previous, 'monitored_enterprises');
  // The headcount is the monitored set's: enterprises entering or leaving the set move it too.
  const setMoved = previousMonitored !== null && previousMonitored !== monitored ? '（含进出监测范围企业的人员）' : '';
  return (
    `${content.periodLabel}，${place}监测专精特新企业 ${formatCount(monitored)} 家${change(monitored, previousMonitored, '家')}；` +
    `参保职工 ${formatCount(insured)} 人${change(insured, actual(previous, 'insured_employees'), '人')}${setMoved}；` +
    `当月新增参保 ${formatCount(hires)} 人、减员 ${formatCount(separations)} 人，净${hires - separations >= 0 ? '增' : '减'} ${formatCount(Math.abs(hires - separations))} 人。`
  );
}

function absorbedParagraph(current: IndicatorReport): string {
  const absorbed = current.indicators.absorbed_insured;
  if (!absorbed || absorbed.actual === null) return '';
  let text = `计划期以来吸纳就业参保累计 ${formatCount(absorbed.actual)} 人（本月 ${formatCount(absorbed.period_actual ?? 0)} 人）`;
  if (absorbed.target !== undefined && absorbed.progress !== null && absorbed.progress !== undefined) {
    text += `，完成目标（${formatCount(absorbed.target)} 人）的 ${formatPercent(absorbed.progress)}，时序进度 ${formatPercent(absorbed.expected_progress ?? 0)}`;
  }
  const shares = [
    ['absorbed_graduate_share', '高校毕业生'],
    ['absorbed_high_skill_share', '高技能人才'],
    ['absorbed_senior_title_share', '副高级以上专业技术人才'],
  ] as const;
  const values = shares.map(([key]) => current.indicators[key]);
  if (values.every((v) => v?.actual !== null && v?.actual !== undefined)) {
    text += `；其中${shares.map(([, label]) => label).join('、')}占比分别为 ${values.map((v) => formatPercent(v!.actual!)).join('、')}`;
    text += `（目标 ${values.map((v) => formatPercent(v!.target ?? 0)).join('、')}）`;
    const behind = shares
      .filter((_, i) => values[i]!.target !== undefined && values[i]!.actual! < values[i]!.target!)
      .map(([, label]) => label);
    if (behind.length > 0) text += `，${behind.join('、')}占比尚未达到目标`;
  }
  return `${text}。`;
}

function alertParagraph(content: TextInput): string {
  const parts = content.alertCounts.map((a) => `${a.label} ${formatCount(a.count)} 家`);
  return `本月监测预警：${parts.join('、')}。`;
}

function leadersParagraph(content: TextInput): string {
  const leaders = content.ranking.filter((r) => r.absorbed !== null && r.absorbed > 0).slice(0, 3);
  if (leaders.length === 0) return '';
  return `吸纳就业参保累计居前的是 ${leaders.map((r) => `${r.name}（${formatCount(r.absorbed!)} 人）`).join('、')}。`;
}
