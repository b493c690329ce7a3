import { Input, InputNumber } from 'antd';
import { useI18n } from '../../locales/i18n.tsx';
import { percentNumber } from './policyFormat.ts';

/**
 * The value of a parameter as an official types it, for the form's state: a percent as a
 * number (90 for 90 %), money in yuan, a number, a date, or a table as JSON text.
 */
export type ValueDraft = number | string | undefined;

/** The form's value for a parameter's current value. */
export function draftOf(value: unknown, type: string): ValueDraft {
  if (value !== null && typeof value === 'object') return JSON.stringify(value);
  if (type === 'percent') return percentNumber(value);
  return typeof value === 'number' || typeof value === 'string' ? value : undefined;
}

/** The value the API takes, as a policy file writes it ("90%", 1500, a table); throws on unreadable JSON. */
export function valueOf(draft: ValueDraft, type: string, isTable: boolean): unknown {
  if (draft === undefined || draft === '') return undefined;
  if (isTable) return JSON.parse(String(draft)) as unknown;
  if (type === 'percent') return `${draft}%`;
  return draft;
}

interface ParameterValueInputProps {
  id?: string;
  value?: ValueDraft;
  onChange?: (value: ValueDraft) => void;
  type: string;
  unit: string | null;
  isTable: boolean;
}

/** The input of a parameter value by its type. */
export function ParameterValueInput({ id, value, onChange, type, unit, isTable }: ParameterValueInputProps) {
  const { t } = useI18n();
  if (isTable) return <Input.TextArea id={id} rows={4} value={value as string | undefined} onChange={(event) => onChange?.(event.target.value)} style={{ fontFamily: 'monospace' }} />;
  if (type === 'date') return <Input id={id} type="date" value={value as string | undefined} onChange={(event) => onChange?.(event.target.value)} style={{ width: 200 }} />;
  const suffix = type === 'percent' ? '%' : type === 'money' ? t('unit.分') : (unit ?? undefined);
  return (
    <InputNumber
      id={id}
      value={typeof value === 'number' ? value : value === undefined ? undefined : Number(value)}
      onChange={(next) => onChange?.(next === null ? undefined : Number(next))}
      min={type === 'percent' || type === 'money' ? 0 : undefined}
      max={type === 'percent' ? 100 : undefined}
      precision={type === 'money' ? 2 : undefined}
      suffix={suffix}
      style={{ width: 200 }}
    />
  );
}
