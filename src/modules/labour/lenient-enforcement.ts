import { labourReference } from './labour-parameters.ts';

/**
 * 柔性执法: whether a violation gets a reminder and no penalty. It does when it is on the official
 * list of minor violations (reference/labour/lenient-list.json, with its source) and the
 * enterprise has no violation on record within the look-back years; a repeat, or one not on
 * the list, goes the normal way. Pure: the caller counts the earlier records.
 */

export interface LenientItem {
  code: string;
  title: string;
  basis: string;
  condition: string;
  confirmed: boolean;
}

export interface LenientList {
  version: string;
  title: string;
  source: string;
  is_confirmed: boolean;
  lookback_years: { value: number; source: string };
  items: LenientItem[];
}

/** The list as data (the file is read once). */
export function lenientList(): LenientList {
  return labourReference<LenientList & { parameters: [] }>('lenient-list');
}

export interface LenientDecision {
  outcome: 'reminder' | 'normal';
  item: LenientItem | null;
  reason: string;
}

/** The outcome for a violation of an item (or none) with this many earlier records in the window. */
export function decideLenientOutcome(itemCode: string | null, earlierRecords: number): LenientDecision {
  const list = lenientList();
  const item = itemCode ? (list.items.find((i) => i.code === itemCode) ?? null) : null;
  const years = list.lookback_years.value;
  if (!item) return { outcome: 'normal', item: null, reason: '不在轻微违法行为免罚清单内，按一般程序依法处理' };
  if (earlierRecords > 0)
    return {
      outcome: 'normal',
      item,
      reason: `清单第 ${item.code} 项“${item.title}”，但企业 ${years} 年内已有 ${earlierRecords} 条违法记录，不属于初次违法，按一般程序依法处理`,
    };
  return {
    outcome: 'reminder',
    item,
    // The reason is shown to the enterprise: the list's 待核 note stays on the officials' side (the list itself).
    reason: `初次违法且属清单第 ${item.code} 项“${item.title}”（${item.basis}），提示提醒、责令改正，免予处罚（行政处罚法 第三十三条；苏人社发〔2023〕63号 二(六)）`,
  };
}
