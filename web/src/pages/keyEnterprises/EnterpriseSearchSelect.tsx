import { Select, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { listEnterprises, type EnterpriseListItem } from '../../api/enterprises.ts';
import { useI18n } from '../../locales/i18n.tsx';

const SEARCH_DELAY_MS = 300;

interface EnterpriseSearchSelectProps {
  id?: string;
  value?: string;
  onChange?: (uscc: string | undefined) => void;
}

/** Finds an enterprise of the caller's scope by name or credit code (the register's own search). */
export function EnterpriseSearchSelect({ id, value, onChange }: EnterpriseSearchSelectProps) {
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  const [found, setFound] = useState<EnterpriseListItem[]>([]);
  const [isSearching, setIsSearching] = useState(false);

  useEffect(() => {
    let isCurrent = true;
    const timer = setTimeout(() => {
      setIsSearching(true);
      listEnterprises({ q: search.trim() || undefined, page: 1, pageSize: 20 })
        .then((page) => isCurrent && setFound(page.items))
        .catch(() => isCurrent && setFound([]))
        .finally(() => isCurrent && setIsSearching(false));
    }, SEARCH_DELAY_MS);
    return () => {
      isCurrent = false;
      clearTimeout(timer);
    };
  }, [search]);

  return (
    <Select<string>
      id={id}
      allowClear
      showSearch={{ filterOption: false, onSearch: setSearch }}
      placeholder={t('keyEnterprises.enterprisePlaceholder')}
      value={value}
      onChange={(next) => onChange?.(next)}
      notFoundContent={isSearching ? <Spin size="small" /> : undefined}
      options={found.map((enterprise) => ({
        value: enterprise.uscc,
        label: `${enterprise.name}（${enterprise.uscc}）`,
      }))}
    />
  );
}
