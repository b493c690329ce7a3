import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { isApiError } from '../api/client.ts';
import type { EnglishBundle } from './english.ts';
import { zhCN, type MessageKey } from './zh-CN.ts';

export type Locale = 'zh-CN' | 'en-US';
export type { MessageKey };

const STORAGE_KEY = 'yangfan.locale';

export type Translate = (key: MessageKey, values?: Record<string, string | number | null | undefined>) => string;

interface I18nValue {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: Translate;
  /** antd's own texts for the language shown (undefined: Chinese, antd's zh-CN set by the app). */
  antdLocale?: EnglishBundle['antd'];
}

const I18nContext = createContext<I18nValue | null>(null);

function readStoredLocale(): Locale {
  try {
    return window.localStorage.getItem(STORAGE_KEY) === 'en-US' ? 'en-US' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

/** Whether a string is one of the message keys (used for codes coming from the server). */
export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(zhCN, key);
}

/** Fill `{name}` placeholders; a missing value leaves the placeholder empty. */
function interpolate(template: string, values?: Record<string, string | number | null | undefined>): string {
  if (!values) return template;
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ''));
}

/**
 * Holds the chosen language (Simplified Chinese unless the user picked English before). English
 * is fetched the first time it is chosen; until it has arrived the page stays in Chinese.
 */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [wanted, setWanted] = useState<Locale>(readStoredLocale);
  const [english, setEnglish] = useState<EnglishBundle>();

  useEffect(() => {
    if (wanted !== 'en-US' || english) return;
    let isCurrent = true;
    void import('./english.ts').then((module) => {
      if (isCurrent) setEnglish(module.english);
    });
    return () => {
      isCurrent = false;
    };
  }, [wanted, english]);

  const locale: Locale = wanted === 'en-US' && english ? 'en-US' : 'zh-CN';

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const setLocale = useCallback((next: Locale) => {
    setWanted(next);
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Private browsing may refuse storage; the choice then lasts for this page only.
    }
  }, []);

  const value = useMemo<I18nValue>(() => {
    const dictionary = locale === 'en-US' && english ? english.messages : zhCN;
    const t: Translate = (key, values) => interpolate(dictionary[key], values);
    return { locale, setLocale, t, antdLocale: locale === 'en-US' ? english?.antd : undefined };
  }, [locale, english, setLocale]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n() needs an <I18nProvider> above it');
  return value;
}

/**
 * The text to show for a failed request. In Chinese the server's own message is kept (it can be
 * more precise, e.g. until when an account is locked); in English a known code is translated.
 */
export function useErrorText(): (error: unknown) => string {
  const { locale, t } = useI18n();
  return useCallback(
    (error: unknown) => {
      if (!isApiError(error)) return t('error.UNKNOWN');
      const key = `error.${error.code}`;
      if (locale === 'zh-CN') return error.message || (isMessageKey(key) ? t(key) : t('error.UNKNOWN'));
      return isMessageKey(key) ? t(key) : error.message || t('error.UNKNOWN');
    },
    [locale, t],
  );
}
