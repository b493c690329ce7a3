import { Input, InputNumber, Radio, Select, Space, Tag, Tooltip, Typography } from 'antd';
import type {
  CaseDeclarations,
  DeclarationField,
  DeclarationRow,
  DeclaredFactValue,
} from '../../api/benefitApplications.ts';
import { formatDateTime } from '../../utils/format.ts';
import { useBenefitsText } from './benefitsText.ts';

/** What the enterprise has typed, per row (subject key) and fact: the input's text; '' or absent = empty. */
export type DeclarationDraft = Record<string, Record<string, string | undefined>>;

/** A declared value as its input shows it: money in yuan, booleans as 'true'/'false'. */
function inputText(field: DeclarationField, fact: DeclaredFactValue | undefined): string | undefined {
  if (!fact || fact.source !== 'declared' || fact.value === null || fact.value === undefined) return undefined;
  if (field.type === 'money') return Number(fact.value).toFixed(2);
  return String(fact.value);
}

/** The draft as the server answered it: every declared value in its input form. */
export function initialDraft(answer: CaseDeclarations): DeclarationDraft {
  return Object.fromEntries(
    answer.rows
      .filter((row) => row.is_declarable)
      .map((row) => [
        row.key,
        Object.fromEntries(
          answer.fields.map((field) => [
            field.fact,
            inputText(
              field,
              row.facts.find((f) => f.name === field.fact),
            ),
          ]),
        ),
      ]),
  );
}

/** Whether the enterprise may type this fact of this row: the data does not answer it already. */
export function isInputCell(row: DeclarationRow, field: DeclarationField): boolean {
  return row.is_declarable && row.facts.find((f) => f.name === field.fact)?.source !== 'data';
}

/** The rows whose values changed, as the API takes them (null withdraws a value). */
export function changedRows(
  answer: CaseDeclarations,
  draft: DeclarationDraft,
): { key: string; values: Record<string, unknown> }[] {
  const saved = initialDraft(answer);
  return answer.rows
    .filter((row) => row.is_declarable)
    .flatMap((row) => {
      const values: Record<string, unknown> = {};
      for (const field of answer.fields) {
        if (!isInputCell(row, field)) continue;
        const before = saved[row.key]?.[field.fact] ?? '';
        const now = (draft[row.key]?.[field.fact] ?? '').trim();
        if (now !== before) values[field.fact] = now === '' ? null : typedValue(field, now);
      }
      return Object.keys(values).length > 0 ? [{ key: row.key, values }] : [];
    });
}

function typedValue(field: DeclarationField, text: string): unknown {
  if (field.type === 'bool') return text === 'true';
  if (field.type === 'number') return Number(text);
  return text;
}

interface DeclaredFactInputProps {
  field: DeclarationField;
  row: DeclarationRow;
  value: string | undefined;
  onChange: (value: string | undefined) => void;
}

/**
 * The input of one declarable fact of one person: a choice for a listed text or yes/no (buttons for
 * up to four choices), an amount in yuan (two decimals, not negative), or plain text.
 * Test id `declare-<fact>-<row key>` (on the button group, or on the amount's input).
 */
export function DeclaredFactInput({ field, row, value, onChange }: DeclaredFactInputProps) {
  const { bt } = useBenefitsText();
  const testId = `declare-${field.fact}-${row.key}`;
  const label = bt('benefits.declare.inputLabel', { fact: field.label, person: row.person?.name ?? row.key });
  if (field.type === 'text' || field.type === 'bool') {
    const options =
      field.type === 'bool'
        ? [
            { value: 'true', label: bt('benefits.declare.yes') },
            { value: 'false', label: bt('benefits.declare.no') },
          ]
        : (field.values ?? []).map((option) => ({ value: option, label: option }));
    // A few choices are buttons side by side (one click each); a longer list folds into a drop-down.
    if (options.length <= 4) {
      return (
        <Radio.Group
          data-testid={testId}
          aria-label={label}
          optionType="button"
          buttonStyle="solid"
          size="small"
          value={value || undefined}
          onChange={(event) => onChange(event.target.value as string)}
          options={options}
        />
      );
    }
    return (
      <Select
        data-testid={testId}
        aria-label={label}
        value={value || undefined}
        onChange={(next) => onChange(next ?? undefined)}
        options={options}
        allowClear
        placeholder={bt('benefits.declare.choose')}
        style={{ minWidth: 130 }}
        status={value ? undefined : 'warning'}
      />
    );
  }
  if (field.type === 'money') {
    return (
      <InputNumber<string>
        data-testid={testId}
        aria-label={label}
        stringMode
        min="0"
        step="0.01"
        precision={2}
        value={value ?? null}
        onChange={(next) => onChange(next ?? undefined)}
        suffix="元"
        style={{ width: 150 }}
        status={value ? undefined : 'warning'}
      />
    );
  }
  return (
    <Input
      data-testid={testId}
      aria-label={label}
      value={value ?? ''}
      onChange={(event) => onChange(event.target.value)}
      style={{ width: 140 }}
      placeholder={field.unit ?? undefined}
    />
  );
}

/** A value as reviewers see it, marked 企业申报 (who, when) or 数据; a missing one as 待填写 (declarable) or 无数据. */
export function DeclaredFactValueText({
  fact,
  isDeclarable = false,
}: {
  fact: DeclaredFactValue | undefined;
  isDeclarable?: boolean;
}) {
  const { bt } = useBenefitsText();
  if (!fact || fact.source === 'missing') {
    return isDeclarable ? (
      <Typography.Text type="warning">{bt('benefits.declare.notFilled')}</Typography.Text>
    ) : (
      <Typography.Text type="secondary">{bt('benefits.declare.noData')}</Typography.Text>
    );
  }
  const tag =
    fact.source === 'declared' ? (
      <Tooltip
        title={bt('benefits.declare.declaredBy', {
          by: fact.declared_by ?? '',
          at: fact.declared_at ? formatDateTime(fact.declared_at) : '',
        })}
      >
        <Tag color="gold" data-testid="declared-tag">
          {bt('benefits.declare.declared')}
        </Tag>
      </Tooltip>
    ) : (
      <Tag>{bt('benefits.declare.fromData')}</Tag>
    );
  return (
    <Space size={4} wrap>
      <span>{fact.text}</span>
      {tag}
    </Space>
  );
}
