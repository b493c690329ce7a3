import { Tag } from 'antd';
import type { OpinionLink, OpinionState, OpinionTone } from '../../api/opinion.ts';
import { useI18n } from '../../locales/i18n.tsx';

const TONE_COLORS: Record<OpinionTone, string> = { negative: 'red', neutral: 'default', positive: 'green' };
const STATE_COLORS: Record<OpinionState, string> = {
  pending: 'orange',
  processing: 'blue',
  replied: 'cyan',
  closed: 'default',
};

export function ToneTag({ tone }: { tone: OpinionTone }) {
  const { t } = useI18n();
  return <Tag color={TONE_COLORS[tone]}>{t(`opinion.tone.${tone}` as never)}</Tag>;
}

export function StateTag({ state }: { state: OpinionState }) {
  const { t } = useI18n();
  return <Tag color={STATE_COLORS[state]}>{t(`opinion.state.${state}` as never)}</Tag>;
}

/** The enterprises a message names: linked ones by name, ambiguous names marked 待确认. */
export function LinkTags({ links }: { links: readonly OpinionLink[] }) {
  const { t } = useI18n();
  const linked = links.filter((l) => l.status === 'linked' || l.status === 'confirmed');
  const ambiguous = [...new Set(links.filter((l) => l.status === 'ambiguous').map((l) => l.alias))];
  if (linked.length === 0 && ambiguous.length === 0) return <>{t('common.none')}</>;
  return (
    <>
      {linked.map((l) => (
        <Tag key={l.id} color="blue">
          {l.name}
        </Tag>
      ))}
      {ambiguous.map((alias) => (
        <Tag key={alias} color="gold">
          {t('opinion.ambiguousTag', { alias })}
        </Tag>
      ))}
    </>
  );
}
