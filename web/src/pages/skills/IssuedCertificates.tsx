import { Table, type TableProps } from 'antd';
import type { EnterpriseTalent } from '../../api/skills.ts';
import { useI18n } from '../../locales/i18n.tsx';

type IssuedRow = EnterpriseTalent['self_issued'][number];

/** Skill certificates a self-evaluating enterprise issued (自主评价), counted by occupation and level. */
export function IssuedCertificates({ rows, label }: { rows: readonly IssuedRow[]; label: string }) {
  const { t } = useI18n();
  const columns: TableProps<IssuedRow>['columns'] = [
    {
      title: t('skills.issuedOccupation'),
      key: 'occupation',
      render: (_, r) => `${r.occupation_code} ${r.occupation_name}`,
    },
    { title: t('skills.skillLevel'), dataIndex: 'level' },
    { title: t('skills.issuedCount'), dataIndex: 'count', align: 'right' },
  ];
  return (
    <Table<IssuedRow>
      rowKey={(r) => `${r.occupation_code}-${r.level}`}
      size="small"
      columns={columns}
      dataSource={[...rows]}
      pagination={false}
      aria-label={label}
    />
  );
}
