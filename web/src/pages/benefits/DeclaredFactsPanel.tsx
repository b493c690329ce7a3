import { Alert, App, Button, Descriptions, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useEffect, useState } from 'react';
import { saveCaseDeclarations, type CaseDeclarations, type DeclarationRow } from '../../api/benefitApplications.ts';
import { useErrorText } from '../../locales/i18n.tsx';
import { formatFen } from '../../utils/format.ts';
import { useBenefitsText, type BenefitsKey } from './benefitsText.ts';
import {
  changedRows,
  DeclaredFactInput,
  DeclaredFactValueText,
  initialDraft,
  isInputCell,
  type DeclarationDraft,
} from './DeclaredFactInput.tsx';
import { useActionKey } from './useActionKey.ts';

const ROW_COLORS: Record<DeclarationRow['status'], string> = {
  eligible: 'green',
  ineligible: 'default',
  needs_declaration: 'orange',
  undetermined: 'red',
};

interface DeclaredFactsPanelProps {
  caseId: number;
  answer: CaseDeclarations;
  /** The enterprise working on its application (matched or returned); officials only read. */
  canEdit: boolean;
  onSaved: (answer: CaseDeclarations) => void;
}

/**
 * 人员申报 of a case whose policy lets the enterprise declare facts (社会保险补贴: the contract term
 * and each person's own monthly contribution): one row per person (masked), an input per fact the
 * data does not answer, 保存申报并重新测算 (the server answers the new outcome and amount); reviewers
 * see every value marked 企业申报 or 数据, with each person's explanation.
 */
export function DeclaredFactsPanel({ caseId, answer, canEdit, onSaved }: DeclaredFactsPanelProps) {
  const { bt } = useBenefitsText();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const action = useActionKey();
  const [draft, setDraft] = useState<DeclarationDraft>(() => initialDraft(answer));
  const [error, setError] = useState<string>();
  const [isSaving, setIsSaving] = useState(false);
  useEffect(() => setDraft(initialDraft(answer)), [answer]);

  const rows = answer.rows.filter((row) => row.is_declarable);
  const changes = changedRows(answer, draft);
  const statusText = statusLabel(answer, bt);

  async function save() {
    if (changes.length === 0) {
      message.info(bt('benefits.declare.unchanged'));
      return;
    }
    setIsSaving(true);
    setError(undefined);
    try {
      const saved = await saveCaseDeclarations(caseId, changes, action.key());
      action.done();
      message.success(bt('benefits.declare.saved', { status: statusLabel(saved, bt) }));
      onSaved(saved);
    } catch (cause) {
      setError(errorText(cause));
    } finally {
      setIsSaving(false);
    }
  }

  const columns: TableColumnsType<DeclarationRow> = [
    {
      title: bt('benefits.declare.person'),
      key: 'person',
      render: (_, row) =>
        row.person ? (
          <Space orientation="vertical" size={0}>
            <span>{row.person.name}</span>
            <Typography.Text type="secondary">{row.person.id_number}</Typography.Text>
          </Space>
        ) : (
          row.key
        ),
    },
    { title: bt('benefits.declare.hirePeriod'), key: 'hire', render: (_, row) => periodText(row.describe.hire_period) },
    ...answer.fields.map((field) => ({
      title: field.label,
      key: field.fact,
      render: (_: unknown, row: DeclarationRow) =>
        canEdit && isInputCell(row, field) ? (
          <DeclaredFactInput
            field={field}
            row={row}
            value={draft[row.key]?.[field.fact]}
            onChange={(value) =>
              setDraft((current) => ({ ...current, [row.key]: { ...current[row.key], [field.fact]: value } }))
            }
          />
        ) : (
          <DeclaredFactValueText fact={row.facts.find((f) => f.name === field.fact)} isDeclarable />
        ),
    })),
    {
      title: bt('benefits.declare.result'),
      key: 'result',
      render: (_, row) => (
        <Space size={4} wrap data-testid={`declare-result-${row.key}`}>
          <Tag color={ROW_COLORS[row.status]}>{bt(`benefits.declare.row.${row.status}` as BenefitsKey)}</Tag>
          {row.amount_fen !== null && <span>{formatFen(row.amount_fen)} 元</span>}
        </Space>
      ),
    },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Alert type="info" showIcon title={bt(canEdit ? 'benefits.declare.hint' : 'benefits.declare.reviewHint')} />
      <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
        <Descriptions.Item label={bt('benefits.state')}>
          <Tag
            color={answer.status === 'eligible' ? 'green' : answer.status === 'awaiting_declaration' ? 'orange' : 'red'}
            data-testid="declarations-status"
          >
            {statusText}
          </Tag>
        </Descriptions.Item>
        <Descriptions.Item label={bt('benefits.declare.amount')}>
          <Typography.Text strong data-testid="declarations-amount">
            {answer.amount_fen !== null
              ? `${formatFen(answer.amount_fen)} 元`
              : bt('benefits.declare.amountSoFar', { amount: formatFen(answer.eligible_amount_fen) })}
          </Typography.Text>
        </Descriptions.Item>
      </Descriptions>
      <Typography.Text type="secondary">
        {answer.fields
          .map(
            (field) =>
              `${field.label}：${bt('benefits.declare.provedBy', { names: field.proved_by.map((p) => `「${p.name}」`).join('、') })}`,
          )
          .join('；')}
      </Typography.Text>
      <Table<DeclarationRow>
        data-testid="declarations-table"
        rowKey="key"
        size="small"
        pagination={rows.length > 20 ? { pageSize: 20 } : false}
        dataSource={rows}
        columns={columns}
        expandable={{ expandedRowRender: (row) => <RowDetail row={row} fields={answer.fields} /> }}
      />
      {answer.rows.length > rows.length && (
        <Typography.Text type="secondary">
          {bt('benefits.declare.others', { count: answer.rows.length - rows.length })}
        </Typography.Text>
      )}
      {error && (
        <Alert
          type="error"
          showIcon
          role="alert"
          data-testid="declarations-error"
          title={error}
          closable
          onClose={() => setError(undefined)}
        />
      )}
      {canEdit && (
        <Button
          type="primary"
          onClick={() => void save()}
          loading={isSaving}
          disabled={changes.length === 0}
          data-testid="declarations-save"
        >
          {bt('benefits.declare.save')}
        </Button>
      )}
    </Space>
  );
}

/** One person's explanation and every fact with where it came from. */
function RowDetail({ row, fields }: { row: DeclarationRow; fields: CaseDeclarations['fields'] }) {
  const { bt } = useBenefitsText();
  return (
    <Space orientation="vertical" size="small" style={{ width: '100%', whiteSpace: 'normal' }}>
      <Typography.Text strong>{bt('benefits.declare.rowExplanation')}</Typography.Text>
      <ol style={{ paddingLeft: 20, margin: 0 }} data-testid={`declare-explanation-${row.key}`}>
        {row.explanation.map((line, index) => (
          <li key={index}>{line}</li>
        ))}
      </ol>
      <Typography.Text strong>{bt('benefits.declare.allFacts')}</Typography.Text>
      <Descriptions size="small" column={{ xs: 1, md: 2 }}>
        {row.facts.map((fact) => (
          <Descriptions.Item key={fact.name} label={fact.label}>
            <DeclaredFactValueText fact={fact} isDeclarable={fields.some((field) => field.fact === fact.name)} />
          </Descriptions.Item>
        ))}
      </Descriptions>
    </Space>
  );
}

function statusLabel(answer: CaseDeclarations, bt: ReturnType<typeof useBenefitsText>['bt']): string {
  if (answer.status === 'not_applicable') return '—';
  return bt(`benefits.declare.status.${answer.status}` as BenefitsKey, { count: answer.summary.needs_declaration });
}

function periodText(period: string | number | undefined): string {
  const text = String(period ?? '');
  return /^\d{6}$/.test(text) ? `${text.slice(0, 4)}-${text.slice(4)}` : text || '—';
}
