import type { TablePaginationConfig } from 'antd';
import type { Dispatch, SetStateAction } from 'react';
import type { PageQuery } from '../api/types.ts';
import type { Translate } from '../locales/i18n.tsx';

/**
 * A list table's paging, the same on every page: current page and size from the query, the
 * total from the answer, a size changer, “共 N 条”, and a change that keeps the other filters.
 * Spread onto an antd Table: `<Table {...pageControls(query, list.data?.total, setQuery, t)} />`.
 */
export function pageControls<Q extends PageQuery>(
  query: Q,
  total: number | undefined,
  setQuery: Dispatch<SetStateAction<Q>>,
  t: Translate,
) {
  return {
    pagination: {
      current: query.page,
      pageSize: query.pageSize,
      total: total ?? 0,
      showSizeChanger: true,
      showTotal: (count: number) => t('common.total', { total: count }),
    } satisfies TablePaginationConfig,
    onChange: (pagination: TablePaginationConfig) =>
      setQuery((current) => ({ ...current, page: pagination.current ?? 1, pageSize: pagination.pageSize ?? 20 })),
  };
}
