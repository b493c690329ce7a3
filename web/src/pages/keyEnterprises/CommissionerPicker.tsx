import { Select } from 'antd';
import { useMemo, useState } from 'react';
import type { KeyEnterprise } from '../../api/keyEnterprises.ts';
import { useI18n } from '../../locales/i18n.tsx';

export interface Commissioner {
  id: number;
  name: string;
}

/** The commissioners already serving entries of the list, once each. */
export function commissionersOf(entries: readonly KeyEnterprise[] | undefined): Commissioner[] {
  const byId = new Map<number, Commissioner>();
  for (const entry of entries ?? []) {
    if (entry.commissionerId !== null)
      byId.set(entry.commissionerId, {
        id: entry.commissionerId,
        name: entry.commissionerName ?? String(entry.commissionerId),
      });
  }
  return [...byId.values()];
}

interface CommissionerPickerProps {
  id?: string;
  value?: number | null;
  onChange?: (value: number | null) => void;
  known: readonly Commissioner[];
}

/**
 * Picks a commissioner of the region: those already on the list by name, or any other by their
 * account number (the server checks that the account is an active commissioner of the region).
 */
export function CommissionerPicker({ id, value, onChange, known }: CommissionerPickerProps) {
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  const options = useMemo(() => {
    const typed = /^\d{1,9}$/.test(search.trim()) ? Number(search.trim()) : undefined;
    const list = known.map((commissioner) => ({
      value: commissioner.id,
      label: `${commissioner.name}（${commissioner.id}）`,
    }));
    const extra = [typed, value].filter(
      (candidate): candidate is number => typeof candidate === 'number' && !known.some((c) => c.id === candidate),
    );
    return [
      ...list,
      ...[...new Set(extra)].map((candidate) => ({
        value: candidate,
        label: t('keyEnterprises.commissionerById', { id: candidate }),
      })),
    ];
  }, [known, search, value, t]);

  return (
    <Select<number>
      id={id}
      allowClear
      showSearch={{ optionFilterProp: 'label', onSearch: setSearch }}
      placeholder={t('keyEnterprises.commissionerPlaceholder')}
      value={value ?? undefined}
      onChange={(next) => onChange?.(next ?? null)}
      options={options}
    />
  );
}
