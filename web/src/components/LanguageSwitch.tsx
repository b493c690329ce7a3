import { Segmented } from 'antd';
import { useI18n, type Locale } from '../locales/i18n.tsx';

const OPTIONS: { label: string; value: Locale }[] = [
  { label: '中', value: 'zh-CN' },
  { label: 'EN', value: 'en-US' },
];

/** 中/EN switch; the choice is remembered in the browser. */
export function LanguageSwitch() {
  const { locale, setLocale, t } = useI18n();
  return (
    <Segmented<Locale>
      aria-label={t('layout.language')}
      size="small"
      options={OPTIONS}
      value={locale}
      onChange={setLocale}
    />
  );
}
