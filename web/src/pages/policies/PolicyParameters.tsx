import { EditOutlined } from '@ant-design/icons';
import { Button, Space, Table, Tag, Tooltip, Typography, type TableProps } from 'antd';
import type { ParameterValue, PolicyDetail, PolicyParameter } from '../../api/policies.ts';
import { useI18n } from '../../locales/i18n.tsx';
import { jiangsuRegionName } from '../../utils/jiangsuRegions.ts';
import type { EditTarget } from './ParameterEditModal.tsx';
import { formatParameterValue } from './policyFormat.ts';

interface ValueRow extends ParameterValue {
  key: string;
  parameter: PolicyParameter;
}

/**
 * 参数取值: every parameter's values by effective date and region, each with its source
 * (文号, clause, link). Province HRSS officials edit a value from its row (a new version).
 */
export function PolicyParameters({ policy, canEdit, onEdit }: { policy: PolicyDetail; canEdit: boolean; onEdit: (target: EditTarget) => void }) {
  const { t } = useI18n();
  const rows: ValueRow[] = policy.parameters.flatMap((parameter) =>
    parameter.values.map((value, index) => ({ ...value, key: `${parameter.name}|${index}`, parameter })),
  );
  const firstOf = new Set(policy.parameters.map((parameter) => `${parameter.name}|0`));

  const columns: TableProps<ValueRow>['columns'] = [
    {
      title: t('policy.parameter'),
      key: 'parameter',
      render: (_, row) => (
        <>
          <Typography.Text strong>{row.parameter.label}</Typography.Text>
          <br />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {row.parameter.name}
            {row.parameter.indexed_by.length > 0 ? ` · ${t('policy.indexedBy', { facts: row.parameter.indexed_by.join('、') })}` : ''}
          </Typography.Text>
        </>
      ),
      onCell: (row) => ({ rowSpan: firstOf.has(row.key) ? row.parameter.values.length : 0 }),
    },
    { title: t('policy.edit.from'), dataIndex: 'from' },
    { title: t('policy.edit.to'), dataIndex: 'to', render: (to: string | null) => to ?? t('policy.open') },
    { title: t('monitoring.region'), dataIndex: 'region', render: (region: string) => <Tag>{jiangsuRegionName(region)}</Tag> },
    {
      title: t('policy.value'),
      key: 'value',
      render: (_, row) => <Typography.Text data-testid={`parameter-value-${row.parameter.name}`}>{formatParameterValue(row.value, row.parameter.type, row.parameter.unit, t('unit.分'))}</Typography.Text>,
    },
    {
      title: t('policy.source'),
      dataIndex: 'source',
      width: 320,
      render: (source: ParameterValue['source']) =>
        source ? (
          <Space orientation="vertical" size={0}>
            <Tooltip title={source.note}>
              <Typography.Text>{source.doc}</Typography.Text>
            </Tooltip>
            {source.clause && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {source.clause}
              </Typography.Text>
            )}
            {source.url && (
              <Typography.Link href={source.url} target="_blank" rel="noopener noreferrer" style={{ fontSize: 12 }}>
                {t('policy.sourceLink')}
              </Typography.Link>
            )}
          </Space>
        ) : (
          t('common.none')
        ),
    },
    ...(canEdit
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_: unknown, row: ValueRow) => (
              <Button
                type="link"
                size="small"
                icon={<EditOutlined />}
                aria-label={t('policy.edit.valueAria', { parameter: row.parameter.label, from: row.from, region: jiangsuRegionName(row.region) })}
                onClick={() => onEdit({ parameter: row.parameter.name, from: row.from, to: row.to, region: row.region, value: row.value })}
              >
                {t('policy.edit.action')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  return <Table<ValueRow> rowKey="key" size="small" bordered columns={columns} dataSource={rows} pagination={false} scroll={{ x: 'max-content' }} />;
}
