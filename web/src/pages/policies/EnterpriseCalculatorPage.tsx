import { Alert, Button, Card, Form, Input, Skeleton, Space, Statistic, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { startApplication, type PolicyDelivery } from '../../api/benefitApplications.ts';
import { calculateMine, listPolicies, type Calculation, type PolicySummary } from '../../api/policies.ts';
import { useCurrentUser } from '../../app/auth.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { useRemoteData } from '../../components/useRemoteData.ts';
import { useErrorText, useI18n } from '../../locales/i18n.tsx';
import { formatFen } from '../../utils/format.ts';
import { useActionKey } from '../benefits/useActionKey.ts';
import { defaultCalculationDate } from './policyDates.ts';
import { PolicyResult } from './PolicyResult.tsx';

/**
 * 申请: an application policy (即申即享) the enterprise's data makes eligible, or leaves open only on
 * facts it declares when applying, opens its case (or the one on file) for the period of the
 * policy's match runs — the year of the calculation date — and shows it.
 */
function StartApplication({ result, delivery }: { result: Calculation; delivery: PolicyDelivery | undefined }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const action = useActionKey();
  const [isBusy, setIsBusy] = useState(false);
  const [error, setError] = useState<string>();
  const isOpenOnDeclarations = result.outcome === 'undetermined' && result.missing_facts.length > 0 && result.missing_facts.every((fact) => fact.declared_on_application);
  if (delivery !== 'application' || !(result.outcome === 'eligible' || isOpenOnDeclarations)) return null;

  async function start() {
    setIsBusy(true);
    setError(undefined);
    try {
      const answer = await startApplication(result.policy, result.date.slice(0, 4), action.key());
      action.done();
      navigate(`/benefits/cases/${answer.case_id}`);
    } catch (cause) {
      setError(errorText(cause));
    } finally {
      setIsBusy(false);
    }
  }

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Button type="primary" loading={isBusy} onClick={() => void start()} data-testid={`start-application-${result.policy}`}>
          {t('policy.startApplication')}
        </Button>
        <Typography.Text type="secondary">{t('policy.startApplicationHint')}</Typography.Text>
      </Space>
      {error && <Alert type="error" showIcon title={error} />}
    </Space>
  );
}

/** The results of the signed-in enterprise on one date (the date picker changes it). */
function MyResults({ date, policies }: { date: string; policies: readonly PolicySummary[] }) {
  const { t } = useI18n();
  const mine = useRemoteData(() => calculateMine(date), date);
  const basisOf = (code: string) => policies.find((policy) => policy.code === code)?.legal_basis;
  const deliveryOf = (code: string) => policies.find((policy) => policy.code === code)?.delivery ?? null;
  if (mine.error !== undefined) return <LoadError error={mine.error} />;
  if (!mine.data || mine.data.date !== date) return <Skeleton active />;
  if (mine.data.items.length === 0) return <Alert type="info" showIcon title={t('policy.noneInForce', { date })} />;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="my-policy-results">
      <Statistic title={t('policy.totalEligible')} value={formatFen(mine.data.eligible_amount_fen)} suffix={t('unit.分')} />
      {mine.data.items.map((result) => (
        <PolicyResult key={result.policy} result={result} basis={basisOf(result.policy)} action={<StartApplication result={result} delivery={deliveryOf(result.policy)} />} />
      ))}
    </Space>
  );
}

/**
 * 政策计算器 for an enterprise (/policies/calculator): every policy in force computed from the
 * enterprise's own data — eligible with the amount, not eligible with the failing condition, or
 * undetermined with the missing data named — each explained in plain Chinese with its basis.
 */
export default function EnterpriseCalculatorPage() {
  const { t } = useI18n();
  const user = useCurrentUser();
  const catalogue = useRemoteData(listPolicies, 'catalogue');
  const [chosenDate, setChosenDate] = useState<string>();
  const date = chosenDate ?? (catalogue.data ? defaultCalculationDate(catalogue.data.items) : undefined);

  return (
    <Card title={t('policy.calculatorTitle')} extra={<Typography.Text type="secondary">{user.displayName}</Typography.Text>}>
      <Form layout="inline" style={{ marginBottom: 16 }}>
        <Form.Item label={t('policy.date')} htmlFor="calculation-date" extra={chosenDate ? undefined : t('policy.dateHint')} style={{ maxWidth: '100%' }}>
          <Input
            id="calculation-date"
            type="date"
            value={date ?? ''}
            style={{ width: 170 }}
            onChange={(event) => event.target.value && setChosenDate(event.target.value)}
          />
        </Form.Item>
      </Form>
      <LoadError error={catalogue.error} />
      {date && catalogue.data ? <MyResults date={date} policies={catalogue.data.items} /> : <Skeleton active />}
    </Card>
  );
}
