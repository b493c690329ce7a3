import { Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import type { Industry, Occupation, ReferenceItemOf, ReferenceKind, Region } from '../../api/reference.ts';
import type { Translate } from '../../locales/i18n.tsx';

function YesNo({ value, t }: { value: boolean; t: Translate }) {
  return value ? <Tag color="blue">{t('common.yes')}</Tag> : <span>{t('common.no')}</span>;
}

function regionColumns(t: Translate): TableColumnsType<Region> {
  return [
    { title: t('reference.code'), dataIndex: 'code', width: 110 },
    { title: t('reference.name'), dataIndex: 'name' },
    { title: t('reference.level'), dataIndex: 'level', width: 100, render: (level: Region['level']) => t(`reference.level.${level}`) },
    {
      title: t('reference.city'),
      key: 'city',
      render: (_, region) => region.cityCode ?? t('common.none'),
    },
    {
      title: t('reference.directlyAdministered'),
      dataIndex: 'isDirectlyAdministered',
      render: (value: boolean) => <YesNo value={value} t={t} />,
    },
  ];
}

function industryColumns(t: Translate): TableColumnsType<Industry> {
  return [
    { title: t('reference.code'), dataIndex: 'code', width: 110 },
    { title: t('reference.name'), dataIndex: 'name' },
    { title: t('reference.level'), dataIndex: 'level', width: 100, render: (level: Industry['level']) => t(`reference.level.${level}`) },
    { title: t('reference.section'), dataIndex: 'section', width: 90 },
    { title: t('reference.manufacturing'), dataIndex: 'isManufacturing', render: (value: boolean) => <YesNo value={value} t={t} /> },
  ];
}

function occupationColumns(t: Translate): TableColumnsType<Occupation> {
  return [
    { title: t('reference.code'), dataIndex: 'code', width: 140 },
    { title: t('reference.name'), dataIndex: 'name' },
    { title: t('reference.majorGroup'), dataIndex: 'majorGroup' },
    { title: t('reference.digital'), dataIndex: 'isDigital', render: (value: boolean) => <YesNo value={value} t={t} /> },
    { title: t('reference.green'), dataIndex: 'isGreen', render: (value: boolean) => <YesNo value={value} t={t} /> },
  ];
}

/** The table columns of each reference list. */
export function referenceColumns<K extends ReferenceKind>(kind: K, t: Translate): TableColumnsType<ReferenceItemOf[K]> {
  const byKind = { regions: regionColumns, industries: industryColumns, occupations: occupationColumns };
  return byKind[kind](t) as TableColumnsType<ReferenceItemOf[K]>;
}
