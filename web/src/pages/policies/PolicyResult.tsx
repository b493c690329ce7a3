import type { ReactNode } from 'react';
import { Alert, Card, Collapse, Descriptions, List, Space, Table, Tag, Typography, type TableProps } from 'antd';
import type { CalculationView, CalculationRow, LegalBasis, Outcome, PolicyFact } from '../../api/policies.ts';
import { useI18n } from '../../locales/i18n.tsx';
import { formatFen } from '../../utils/format.ts';

const OUTCOME_COLORS: Record<Outcome, string> = { eligible: 'green', ineligible: 'red', undetermined: 'orange' };

/** 符合 / 不符合 / 待定. */
export function OutcomeTag({ outcome }: { outcome: Outcome }) {
  const { t } = useI18n();
  return (
    <Tag color={OUTCOME_COLORS[outcome]} data-testid="policy-outcome">
      {t(`policy.outcome.${outcome}`)}
    </Tag>
  );
}

/** The explanation lines, in order, as the engine wrote them from its trace. */
export function ExplanationLines({ lines }: { lines: readonly string[] }) {
  return (
    <ol style={{ margin: 0, paddingLeft: 20 }} data-testid="policy-explanation">
      {lines.map((line, index) => (
        <li key={index}>
          <Typography.Text>{line}</Typography.Text>
        </li>
      ))}
    </ol>
  );
}

/** The data still missing, each named with what it means. */
export function MissingFacts({ facts }: { facts: readonly PolicyFact[] }) {
  const { t } = useI18n();
  if (facts.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      title={t('policy.missingTitle')}
      description={
        <ul style={{ margin: 0, paddingLeft: 20 }} data-testid="policy-missing">
          {facts.map((fact) => (
            <li key={fact.name}>
              <Typography.Text strong>{fact.label}</Typography.Text>
              {fact.unit ? `（${fact.unit}）` : ''}：{fact.description}
              {fact.declared_on_application && (
                <Tag color="gold" style={{ marginLeft: 6 }} data-testid="declared-on-application">
                  {t('policy.declaredOnApplication')}
                </Tag>
              )}
            </li>
          ))}
        </ul>
      }
    />
  );
}

/** 政策依据: each document with its clause and, where there is one, a link. */
export function LegalBasisList({ basis }: { basis: readonly LegalBasis[] }) {
  const { t } = useI18n();
  return (
    <List
      size="small"
      dataSource={[...basis]}
      renderItem={(item) => (
        <List.Item>
          <Space orientation="vertical" size={0}>
            <Space wrap>
              <Typography.Text strong>{item.doc}</Typography.Text>
              {item.secondary && <Tag data-testid="secondary-source">{t('policy.secondarySource')}</Tag>}
              {item.url && (
                <Typography.Link href={item.url} target="_blank" rel="noopener noreferrer">
                  {t('policy.sourceLink')}
                </Typography.Link>
              )}
            </Space>
            {item.clause && <Typography.Text type="secondary">{item.clause}</Typography.Text>}
            {(item.source_quality || item.note) && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="source-quality">
                {[item.source_quality, item.note].filter(Boolean).join('；')}
              </Typography.Text>
            )}
          </Space>
        </List.Item>
      )}
    />
  );
}

/** One person's lines of a per-person policy (new hires, certificates…). */
function RowsTable({ rows }: { rows: readonly CalculationRow[] }) {
  const { t } = useI18n();
  const columns: TableProps<CalculationRow>['columns'] = [
    { title: t('policy.person'), key: 'person', render: (_, row) => [row.person?.name, row.person?.id_number].filter(Boolean).join(' ') || row.key },
    { title: t('policy.outcome'), dataIndex: 'outcome', render: (outcome: Outcome) => <OutcomeTag outcome={outcome} /> },
    { title: t('policy.amountYuan'), dataIndex: 'amount_fen', align: 'right', render: (fen: number | null) => formatFen(fen) },
    { title: t('policy.explanation'), key: 'explanation', render: (_, row) => row.explanation.at(-1) },
  ];
  return (
    <Table<CalculationRow>
      rowKey="key"
      size="small"
      columns={columns}
      dataSource={[...rows]}
      pagination={{ pageSize: 10, hideOnSinglePage: true }}
      expandable={{ expandedRowRender: (row) => <ExplanationLines lines={row.explanation} /> }}
    />
  );
}

/** The figure of a result: the amount, the part already certain, or what it would be under an assumption. */
function AmountLine({ result }: { result: CalculationView }) {
  const { t } = useI18n();
  if (result.outcome === 'eligible') {
    return (
      <Typography.Title level={4} style={{ margin: 0 }}>
        <span data-testid="policy-amount">{formatFen(result.amount_fen)}</span> {t('unit.分')}
      </Typography.Title>
    );
  }
  return null;
}

interface PolicyResultProps {
  result: CalculationView;
  basis?: readonly LegalBasis[];
  /** An enterprise's result lists its persons; the public one has none. */
  showRows?: boolean;
  /** What the viewer can do with this result (an enterprise's 申请). */
  action?: ReactNode;
}

/**
 * A calculator answer: outcome, amount, the plain-Chinese explanation, the legal basis, the
 * failing condition or the missing data — and, for per-person policies, the persons.
 */
export function PolicyResult({ result, basis: givenBasis, showRows = true, action }: PolicyResultProps) {
  const { t } = useI18n();
  const basis = result.sources ?? givenBasis;
  const summary = result.summary;
  const provisional = result.provisional;
  const sections = [
    ...(basis && basis.length > 0 ? [{ key: 'basis', label: t('policy.legalBasis'), children: <LegalBasisList basis={basis} /> }] : []),
    ...(showRows && result.rows && result.rows.length > 0
      ? [{ key: 'rows', label: t('policy.rowsTitle', { subject: result.subject ?? '', count: result.rows.length }), children: <RowsTable rows={result.rows} /> }]
      : []),
  ];
  return (
    <Card
      size="small"
      data-testid={`policy-result-${result.policy}`}
      title={
        <Space wrap>
          <span>{result.name}</span>
          <OutcomeTag outcome={result.outcome} />
        </Space>
      }
      extra={<Typography.Text type="secondary">{t('policy.versionOf', { version: result.version })}</Typography.Text>}
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <AmountLine result={result} />
        {result.failed_condition && <Alert type="error" showIcon title={t('policy.failedCondition', { condition: result.failed_condition.label })} />}
        <ExplanationLines lines={result.explanation} />
        {summary && summary.rows > 0 && (
          <Descriptions
            size="small"
            column={{ xs: 1, md: 4 }}
            items={[
              { key: 'eligible', label: t('policy.outcome.eligible'), children: summary.eligible },
              { key: 'ineligible', label: t('policy.outcome.ineligible'), children: summary.ineligible },
              { key: 'undetermined', label: t('policy.outcome.undetermined'), children: summary.undetermined },
              { key: 'amount', label: t('policy.certainAmount'), children: <span data-testid="policy-summary-amount">{formatFen(summary.eligible_amount_fen)}</span> },
            ]}
          />
        )}
        <MissingFacts facts={result.missing_facts} />
        {action}
        {provisional && provisional.amount_fen !== null && (
          <Alert
            type="info"
            showIcon
            title={
              <span>
                {t('policy.provisional', { assumptions: provisional.assumptions.map((a) => `${a.label}：${String(a.value === false ? t('common.no') : a.value === true ? t('common.yes') : a.value)}`).join('；') })}
                <Typography.Text strong data-testid="policy-provisional-amount">
                  {formatFen(provisional.amount_fen)}
                </Typography.Text>{' '}
                {t('unit.分')}
              </span>
            }
            description={<ExplanationLines lines={provisional.explanation} />}
          />
        )}
        {sections.length > 0 && <Collapse size="small" items={sections} />}
      </Space>
    </Card>
  );
}
