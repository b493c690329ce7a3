import { Card, Col, Progress, Row, Segmented, Statistic, Table, type TableProps } from 'antd';
import { useState } from 'react';
import { trainingBreakdown, type TrainingCounts } from '../../api/skills.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { useRemoteData } from '../../components/useRemoteData.ts';
import { useI18n } from '../../locales/i18n.tsx';

/** The plan's three training targets (reference/targets/sailing-plan-2025.json), shown beside the counts. */
export interface TrainingTargets {
  total?: number;
  manufacturing?: number;
  digital?: number;
}

/** 培训人次: the three indicators in the plan window, by city, then by enterprise of a city. */
export function TrainingTab({ targets }: { targets: TrainingTargets }) {
  const { t } = useI18n();
  const [city, setCity] = useState<{ code: string; name: string }>();
  const data = useRemoteData(() => trainingBreakdown(city ? 'enterprise' : 'city', city?.code), city?.code ?? 'cities');
  const totals = data.data?.totals;
  const figure = (label: string, value: number | undefined, target: number | undefined) => (
    <Col xs={24} md={8}>
      <Card size="small">
        <Statistic title={label} value={value ?? 0} suffix={t('skills.personTimes')} />
        {target !== undefined && (
          <Progress
            percent={Math.min(100, Math.round(((value ?? 0) / target) * 1000) / 10)}
            format={() => `${t('skills.target')} ${target.toLocaleString()}`}
          />
        )}
      </Card>
    </Col>
  );
  const columns: TableProps<TrainingCounts>['columns'] = [
    {
      title: city ? t('skills.enterprise') : t('skills.city'),
      dataIndex: 'name',
      render: (name: string, row) => (city ? name : <a onClick={() => setCity({ code: row.key, name })}>{name}</a>),
    },
    { title: t('skills.trainingTotal'), dataIndex: 'total' },
    { title: t('skills.trainingManufacturing'), dataIndex: 'manufacturing' },
    { title: t('skills.trainingDigital'), dataIndex: 'digital' },
  ];
  return (
    <>
      <LoadError error={data.error} />
      {!city && (
        <Row gutter={16} style={{ marginBottom: 16 }}>
          {figure(t('skills.trainingTotal'), totals?.total, targets.total)}
          {figure(t('skills.trainingManufacturing'), totals?.manufacturing, targets.manufacturing)}
          {figure(t('skills.trainingDigital'), totals?.digital, targets.digital)}
        </Row>
      )}
      {city && (
        <Segmented
          style={{ marginBottom: 16 }}
          options={[
            { value: 'back', label: t('skills.allCities') },
            { value: 'city', label: city.name },
          ]}
          value="city"
          onChange={(value) => value === 'back' && setCity(undefined)}
        />
      )}
      <Table<TrainingCounts>
        rowKey="key"
        size="middle"
        columns={columns}
        dataSource={data.data?.rows}
        loading={data.isLoading}
        pagination={{ pageSize: 20 }}
      />
    </>
  );
}
