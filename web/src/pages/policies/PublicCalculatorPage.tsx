import { Alert, Card, Col, Empty, Form, Input, Row, Select, Space, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { calculateFromFacts, getPolicy, listPolicies, type PublicCalculation } from '../../api/policies.ts';
import { LanguageSwitch } from '../../components/LanguageSwitch.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { useRemoteData } from '../../components/useRemoteData.ts';
import { useI18n } from '../../locales/i18n.tsx';
import { JIANGSU_REGIONS } from '../../utils/jiangsuRegions.ts';
import { FactForm, factsOf, type FactValues } from './FactForm.tsx';
import { defaultCalculationDate } from './policyDates.ts';
import { LegalBasisList, PolicyResult } from './PolicyResult.tsx';

/**
 * 政策计算器（公众版）(/calculator), open without logging in: pick a policy, answer the
 * questions generated from its facts, and get the result, its explanation and the questions
 * still needed for a definite answer (POST /policies/:code/calc). Signed in as the public
 * account, the same calculator opens from the menu, inside the signed-in frame.
 */
export default function PublicCalculatorPage({ isSignedIn = false }: { isSignedIn?: boolean }) {
  const { t } = useI18n();
  const [form] = Form.useForm<FactValues>();
  const catalogue = useRemoteData(listPolicies, 'catalogue');
  const policies = useMemo(() => catalogue.data?.items ?? [], [catalogue.data]);
  const [code, setCode] = useState<string>();
  const [date, setDate] = useState<string>();
  const [region, setRegion] = useState('320000');
  const [result, setResult] = useState<PublicCalculation>();
  const [error, setError] = useState<unknown>();
  const [isCalculating, setIsCalculating] = useState(false);
  // 稳岗返还 first: the notice's own example of “算得明”.
  const chosen = code ?? policies.find((item) => item.code === 'stable_jobs_refund')?.code ?? policies[0]?.code;
  const detail = useRemoteData(() => (chosen ? getPolicy(chosen) : Promise.resolve(undefined)), chosen ?? '');
  const policy = detail.data?.code === chosen ? detail.data : undefined;
  const effectiveDate = date ?? (policies.length > 0 ? defaultCalculationDate(policies) : '');
  const stillNeeded = useMemo(() => new Set((result?.questions ?? []).map((question) => question.name)), [result]);

  useEffect(() => {
    document.title = `${t('menu.publicCalculator')} · ${t('app.title')}`;
  }, [t]);

  async function calculate(values: FactValues) {
    if (!policy) return;
    setIsCalculating(true);
    setError(undefined);
    try {
      setResult(await calculateFromFacts(policy.code, { facts: factsOf(policy.facts, values), date: effectiveDate || undefined, region }));
    } catch (cause) {
      setError(cause);
    } finally {
      setIsCalculating(false);
    }
  }

  function choosePolicy(next: string) {
    setCode(next);
    setResult(undefined);
    setError(undefined);
    form.resetFields();
  }

  return (
    <main style={isSignedIn ? undefined : { minHeight: '100vh', background: '#f5f5f5' }}>
      {!isSignedIn && <header style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', padding: '12px 24px', background: '#001529', color: '#fff' }}>
        <Typography.Text style={{ color: '#fff', fontSize: 18, fontWeight: 600 }}>
          {t('app.title')} · {t('menu.publicCalculator')}
        </Typography.Text>
        <Space>
          <LanguageSwitch />
          <Link to="/login" style={{ color: '#fff' }}>
            {t('policy.toLogin')}
          </Link>
        </Space>
      </header>}
      <div style={{ padding: isSignedIn ? 0 : 24, maxWidth: 1280, margin: '0 auto' }}>
        <Typography.Paragraph type="secondary">{t('policy.publicIntro')}</Typography.Paragraph>
        <LoadError error={catalogue.error ?? detail.error} />
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={13}>
            <Card title={t('policy.factsTitle')}>
              <Form layout="inline" style={{ rowGap: 12, marginBottom: 16 }}>
                <Form.Item label={t('policy.policy')} htmlFor="public-policy">
                  <Select
                    id="public-policy"
                    value={chosen}
                    style={{ width: 260 }}
                    options={policies.map((item) => ({ value: item.code, label: item.name }))}
                    onChange={choosePolicy}
                  />
                </Form.Item>
                <Form.Item label={t('policy.date')} htmlFor="public-date">
                  <Input id="public-date" type="date" value={effectiveDate} style={{ width: 170 }} onChange={(event) => event.target.value && setDate(event.target.value)} />
                </Form.Item>
                <Form.Item label={t('monitoring.region')} htmlFor="public-region">
                  <Select id="public-region" value={region} style={{ width: 140 }} options={JIANGSU_REGIONS.map((item) => ({ value: item.code, label: item.name }))} onChange={setRegion} />
                </Form.Item>
              </Form>
              {policy ? (
                <>
                  <Typography.Paragraph type="secondary">{policy.summary}</Typography.Paragraph>
                  <FactForm key={policy.code} form={form} facts={policy.facts} stillNeeded={stillNeeded} isCalculating={isCalculating} onCalculate={(values) => void calculate(values)} />
                </>
              ) : (
                <Empty />
              )}
            </Card>
          </Col>
          <Col xs={24} xl={11}>
            <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
              <LoadError error={error} />
              {result ? (
                <>
                  <PolicyResult result={result} showRows={false} />
                  {result.questions.length > 0 && (
                    <Alert type="info" showIcon title={t('policy.questionsLeft', { count: result.questions.length })} description={result.questions.map((question) => question.label).join('、')} />
                  )}
                </>
              ) : (
                <Card>
                  <Empty description={t('policy.fillAndCalculate')} />
                </Card>
              )}
              {policy && (
                <Card size="small" title={t('policy.legalBasis')}>
                  <LegalBasisList basis={policy.legal_basis} />
                </Card>
              )}
            </Space>
          </Col>
        </Row>
      </div>
    </main>
  );
}
