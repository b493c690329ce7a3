import { Tag } from 'antd';
import type { EnterpriseSize, Tier, Validity } from '../../api/enterprises.ts';
import { useI18n } from '../../locales/i18n.tsx';

const TIER_COLORS: Record<Tier, string> = { innovative: 'cyan', srdi: 'blue', little_giant: 'gold' };
const VALIDITY_COLORS: Record<Validity['status'], string> = {
  valid: 'green',
  expiring: 'orange',
  expired: 'red',
  not_yet_valid: 'default',
};

/** 创新型 / 专精特新 / “小巨人”, coloured by tier. */
export function TierTag({ tier }: { tier: Tier }) {
  const { t } = useI18n();
  return <Tag color={TIER_COLORS[tier]}>{t(`tier.${tier}`)}</Tag>;
}

/** 有效 / N 天内到期 / 已过期 / 尚未生效, with the days left as a tooltip. */
export function ValidityTag({ validity }: { validity: Validity }) {
  const { t } = useI18n();
  const label =
    validity.status === 'expiring'
      ? t('validity.expiring', { days: validity.warningDays })
      : t(`validity.${validity.status}`);
  const hint =
    validity.daysLeft >= 0
      ? t('validity.daysLeft', { days: validity.daysLeft })
      : t('validity.daysOverdue', { days: -validity.daysLeft });
  return (
    <Tag color={VALIDITY_COLORS[validity.status]} title={hint}>
      {label}
    </Tag>
  );
}

/** 大型 / 中型 / 小型 / 微型, or a dash when unknown. */
export function SizeText({ size }: { size: EnterpriseSize | null }) {
  const { t } = useI18n();
  return <>{size ? t(`size.${size}`) : t('common.none')}</>;
}

/** 信用代码人工核验: the credit code fails the check and came in by a manual override (greyed once revoked). */
export function UsccOverrideTag({ override }: { override: { id: number; isActive: boolean } }) {
  const { t } = useI18n();
  const hint = override.isActive
    ? t('usccOverrides.tagActive', { id: override.id })
    : t('usccOverrides.tagRevoked', { id: override.id });
  return (
    <Tag color={override.isActive ? 'purple' : 'default'} title={hint}>
      {t('usccOverrides.tag')}
    </Tag>
  );
}
