import { Card, Col, Descriptions, Grid, Row, Timeline, Typography, type DescriptionsProps } from 'antd';
import type { EnterpriseDetail } from '../../api/enterprises.ts';
import { useI18n } from '../../locales/i18n.tsx';
import { formatDate, formatDateTime } from '../../utils/format.ts';
import { ContactPhone } from './ContactPhone.tsx';
import { SizeText, TierTag, ValidityTag } from './enterpriseTags.tsx';

/** Basic facts, validity, contact (phone masked) and key-enterprise status of one enterprise. */
function BasicFacts({ enterprise }: { enterprise: EnterpriseDetail }) {
  const { t } = useI18n();
  const screens = Grid.useBreakpoint();
  const key = enterprise.keyEnterprise;
  const items: DescriptionsProps['items'] = [
    { key: 'uscc', label: t('enterprises.uscc'), children: <code>{enterprise.uscc}</code> },
    { key: 'name', label: t('enterprises.name'), children: enterprise.name },
    {
      key: 'tier',
      label: t('enterprises.tier'),
      children: (
        <span data-testid="enterprise-tier">
          <TierTag tier={enterprise.tier} />
        </span>
      ),
    },
    { key: 'recognizedOn', label: t('enterprises.recognizedOn'), children: formatDate(enterprise.recognizedOn) },
    { key: 'validUntil', label: t('enterprises.validUntil'), children: formatDate(enterprise.validUntil) },
    { key: 'validity', label: t('enterprises.validity'), children: <ValidityTag validity={enterprise.validity} /> },
    {
      key: 'location',
      label: t('enterprises.location'),
      children: `${[enterprise.cityName, enterprise.regionName].filter(Boolean).join(' · ')}（${enterprise.regionCode}）`,
    },
    {
      key: 'industry',
      label: t('enterprises.industry'),
      children: enterprise.industryName
        ? `${enterprise.industryCode} ${enterprise.industryName}`
        : (enterprise.industryCode ?? t('common.none')),
    },
    { key: 'size', label: t('enterprises.size'), children: <SizeText size={enterprise.size} /> },
    { key: 'contactName', label: t('enterprises.contactName'), children: enterprise.contactName ?? t('common.none') },
    {
      key: 'contactPhone',
      label: t('enterprises.contactPhone'),
      children: <ContactPhone uscc={enterprise.uscc} maskedPhone={enterprise.contactPhone} />,
    },
    {
      key: 'keyEnterprise',
      label: t('enterprises.keyEnterprise'),
      children: key
        ? t('enterprises.keyEnterpriseYes', { commissioner: key.commissionerName ?? t('common.unassigned') })
        : t('enterprises.keyEnterpriseNo'),
    },
    { key: 'updatedAt', label: t('enterprises.updatedAt'), children: formatDateTime(enterprise.updatedAt) },
  ];
  // On a phone the labels go above their values, so the table fits the width.
  return (
    <Descriptions
      bordered
      size="small"
      layout={screens.sm === false ? 'vertical' : 'horizontal'}
      column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 2, xxl: 2 }}
      items={items}
      styles={{ label: { whiteSpace: 'nowrap' } }}
    />
  );
}

/** Every recognition the register has held, newest first. */
function TierHistory({ enterprise }: { enterprise: EnterpriseDetail }) {
  const { t } = useI18n();
  const history = [...enterprise.recognitions].sort(
    (a, b) => b.recognizedOn.localeCompare(a.recognizedOn) || b.recordedAt.localeCompare(a.recordedAt),
  );
  return (
    <Timeline
      aria-label={t('enterprises.history')}
      items={history.map((recognition, index) => ({
        key: `${recognition.recordedAt}-${recognition.tier}`,
        color: index === 0 ? 'blue' : 'gray',
        content: (
          <>
            <Typography.Text strong>
              {t('enterprises.historyItem', {
                tier: t(`tier.${recognition.tier}`),
                from: formatDate(recognition.recognizedOn),
                to: formatDate(recognition.validUntil),
              })}
            </Typography.Text>
            <br />
            <Typography.Text type="secondary">
              {t('enterprises.recordedAt', { at: formatDateTime(recognition.recordedAt), source: recognition.source })}
            </Typography.Text>
          </>
        ),
      }))}
    />
  );
}

/** 企业概况: facts, then the tier history (side by side on wide screens). */
export function EnterpriseOverview({ enterprise }: { enterprise: EnterpriseDetail }) {
  const { t } = useI18n();
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xxl={16}>
        <Card size="small" title={t('enterprises.basicFacts')}>
          <BasicFacts enterprise={enterprise} />
        </Card>
      </Col>
      <Col xs={24} xxl={8}>
        <Card size="small" title={t('enterprises.history')}>
          <TierHistory enterprise={enterprise} />
        </Card>
      </Col>
    </Row>
  );
}
