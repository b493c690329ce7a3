import type { BulletinContent } from './bulletin-content.ts';
import { formatCount, formatPercent } from './bulletin-text.ts';
import type { IndicatorValue } from '../indicators/indicator-values.ts';

/**
 * The 通报 as a printable page: server-rendered HTML with A4 print CSS, the generated text,
 * the indicator table, the ranking and the alert list. Every value is escaped.
 */

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

const STYLE = `
  body { font-family: "SimSun", "Songti SC", "Noto Serif CJK SC", serif; margin: 2em auto; max-width: 60em; color: #000; }
  h1 { font-size: 1.6em; text-align: center; margin-bottom: .2em; }
  .meta { text-align: center; color: #444; margin-bottom: 1.5em; }
  h2 { font-size: 1.2em; border-left: 4px solid #b00; padding-left: .5em; margin-top: 1.5em; }
  p { text-indent: 2em; line-height: 1.8; }
  table { border-collapse: collapse; width: 100%; font-size: .9em; }
  th, td { border: 1px solid #666; padding: .3em .5em; }
  th { background: #eee; }
  td.n { text-align: right; white-space: nowrap; }
  .na { color: #888; }
  @page { size: A4; margin: 18mm 15mm; }
  @media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; } tr { break-inside: avoid; } .no-print { display: none; } }
`;

function formatValue(value: IndicatorValue | undefined, actual: number | null | undefined): string {
  if (!value || !value.available) return '<span class="na">暂无数据</span>';
  if (actual === null || actual === undefined) return '—';
  if (value.unit === '比例') return formatPercent(actual);
  if (value.unit === '分')
    return `${(actual / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} 元`;
  return `${formatCount(actual)} ${escapeHtml(value.unit)}`;
}

const percentOrDash = (x: number | null | undefined) => (x === null || x === undefined ? '—' : formatPercent(x));

function indicatorRows(content: BulletinContent): string {
  return Object.entries(content.current.indicators)
    .map(([key, value]) => {
      const previous = content.previous.indicators[key];
      const target =
        value.target === undefined
          ? '—'
          : value.unit === '比例'
            ? formatPercent(value.target)
            : formatCount(value.target);
      return (
        `<tr><td title="${escapeHtml(value.definition)}">${escapeHtml(value.label)}</td><td class="n">${formatValue(value, value.actual)}</td>` +
        `<td class="n">${formatValue(previous, previous?.actual)}</td><td class="n">${target}</td>` +
        `<td class="n">${percentOrDash(value.progress)}</td><td class="n">${percentOrDash(value.expected_progress)}</td></tr>`
      );
    })
    .join('\n');
}

function rankingRows(content: BulletinContent): string {
  const count = (x: number | null) => (x === null ? '—' : formatCount(x));
  return content.ranking
    .map(
      (r) =>
        `<tr><td class="n">${r.rank ?? '—'}</td><td>${escapeHtml(r.name)}</td><td class="n">${count(r.absorbed)}</td>` +
        `<td class="n">${percentOrDash(r.graduateShare)}</td><td class="n">${count(r.insured)}</td><td class="n">${count(r.hires)}</td><td class="n">${count(r.separations)}</td></tr>`,
    )
    .join('\n');
}

function alertRows(content: BulletinContent): string {
  if (content.alerts.length === 0) return '<tr><td colspan="5">本月无新增预警。</td></tr>';
  return content.alerts
    .map(
      (a) =>
        `<tr><td>${escapeHtml(a.enterpriseName ?? a.uscc)}</td><td>${escapeHtml(a.regionName ?? a.regionCode)}</td>` +
        `<td>${escapeHtml(a.kindLabel)}</td><td>${escapeHtml(a.statusLabel)}</td><td>${escapeHtml(a.message)}</td></tr>`,
    )
    .join('\n');
}

/** The whole page. */
export function renderBulletinHtml(content: BulletinContent): string {
  const title = `${content.region.name}专精特新企业就业监测通报`;
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(title)}（${escapeHtml(content.periodLabel)}）</title><style>${STYLE}</style></head>
<body>
<h1>${escapeHtml(title)}</h1>
<div class="meta">${escapeHtml(content.periodLabel)} · 生成于 ${escapeHtml(content.generatedAt.slice(0, 10))} · 依据 苏人社发〔2023〕63号</div>
<h2>一、总体情况</h2>
${content.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
<h2>二、主要指标</h2>
<table><thead><tr><th>指标</th><th>本月</th><th>上月</th><th>目标</th><th>完成进度</th><th>时序进度</th></tr></thead>
<tbody>
${indicatorRows(content)}
</tbody></table>
<h2>三、地区排名（按吸纳就业参保累计人数）</h2>
<table><thead><tr><th>名次</th><th>地区</th><th>吸纳就业参保累计</th><th>其中高校毕业生占比</th><th>参保职工</th><th>当月新增参保</th><th>当月减员</th></tr></thead>
<tbody>
${rankingRows(content)}
</tbody></table>
<h2>四、监测预警</h2>
<p>${escapeHtml(content.alertCounts.map((a) => `${a.label} ${a.count} 家`).join('，'))}${content.alerts.length < content.alertCounts.reduce((s, a) => s + a.count, 0) ? `（下表列出前 ${content.alerts.length} 条，完整清单见预警列表）` : ''}。</p>
<table><thead><tr><th>企业</th><th>地区</th><th>类型</th><th>状态</th><th>说明</th></tr></thead>
<tbody>
${alertRows(content)}
</tbody></table>
<p class="no-print">打印或另存为 PDF：请使用浏览器的打印功能（Ctrl+P）。</p>
</body></html>
`;
}
