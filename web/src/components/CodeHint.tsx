import { Typography } from 'antd';
import type { ReactNode } from 'react';
import { actorName } from '../locales/codeNames.ts';
import { useI18n } from '../locales/i18n.tsx';

/**
 * An identifier shown on purpose to officials: a code as a small grey hint under its name, or
 * an account name (what a person types to sign in). Marked `data-code-hint`, the one place the
 * screenshot pass lets identifiers through; never used on enterprise or public pages.
 */
export function CodeHint({ children }: { children: ReactNode }) {
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12 }} data-code-hint="">
      {children}
    </Typography.Text>
  );
}

/** An account name (city_nanjing), shown as typed. */
export function AccountName({ name }: { name: string }) {
  return <span data-code-hint="">{name}</span>;
}

/** A name with its code as a grey hint below it, for officials. */
export function NameWithCode({ name, code }: { name: ReactNode; code: string }) {
  return (
    <span style={{ display: 'inline-flex', flexDirection: 'column' }}>
      <span>{name}</span>
      <CodeHint>{code}</CodeHint>
    </span>
  );
}

/** Who did something: the system's own actors in words (系统自动匹配（批次 1）), a person by account name. */
export function ActorLabel({ actor }: { actor: string | null | undefined }) {
  const { t } = useI18n();
  if (!actor) return <>{t('common.none')}</>;
  const named = actorName(t, actor);
  return named === actor ? <AccountName name={actor} /> : <>{named}</>;
}
