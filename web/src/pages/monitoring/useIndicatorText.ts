import { useMemo } from 'react';
import { isMessageKey, useI18n } from '../../locales/i18n.tsx';
import { SHARE_UNIT } from './indicatorFormat.ts';

/**
 * Names of indicators, units and leave reasons. In Chinese the server's own words are shown
 * (its indicator metadata is the reference); in English the locale's translation, when it has one.
 */
export function useIndicatorText() {
  const { locale, t } = useI18n();
  return useMemo(() => {
    const message = (key: string): string | undefined => (isMessageKey(key) ? t(key) : undefined);
    const isChinese = locale === 'zh-CN';
    return {
      label: (indicatorKey: string, serverLabel: string) =>
        isChinese ? serverLabel : (message(`indicator.${indicatorKey}`) ?? serverLabel),
      /** 分 is shown as 元 (yuan); 比例 as a percentage, without a unit word. */
      unit: (unit: string) => (unit === SHARE_UNIT ? '' : (message(`unit.${unit}`) ?? unit)),
      reason: (code: string, serverLabel?: string) =>
        isChinese && serverLabel ? serverLabel : (message(`leaveReason.${code}`) ?? serverLabel ?? code),
    };
  }, [locale, t]);
}
