import { Card, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import { getFairFigures, type FairFigures } from '../../api/recruitment.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { useRemoteData } from '../../components/useRemoteData.ts';

type Row = FairFigures['rows'][number];

/** Fairs and postings per city in a year, against the plan's annual targets. */
export function FairFiguresCard() {
  const [year, setYear] = useState(new Date().getFullYear());
  const figures = useRemoteData(() => getFairFigures(year), String(year));
  if (figures.error) return <LoadError error={figures.error} />;
  const data = figures.data;
  return (
    <Card
      title="分市招聘会与岗位信息"
      extra={
        <Select<number>
          value={year}
          style={{ width: 110 }}
          onChange={setYear}
          options={[0, 1, 2, 3].map((back) => {
            const y = new Date().getFullYear() - back;
            return { value: y, label: `${y} 年` };
          })}
        />
      }
    >
      {data && (
        <Typography.Paragraph data-testid="fair-figures-totals">
          全省 {data.year} 年已举办专场招聘会 <b>{data.totals.fairs}</b> 场
          {data.targets.fairs !== null && `（目标不少于 ${data.targets.fairs} 场）`}，首次发布岗位信息{' '}
          <b>{data.totals.postingsPublished}</b> 个
          {data.targets.postings !== null && `（目标不少于 ${data.targets.postings} 个）`}。
          <Typography.Text type="secondary"> 依据：{data.targets.basis}</Typography.Text>
        </Typography.Paragraph>
      )}
      <Table<Row>
        rowKey="cityCode"
        size="small"
        loading={figures.isLoading}
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={data?.rows ?? []}
        columns={[
          { title: '设区市', dataIndex: 'cityName' },
          { title: '招聘会（场）', dataIndex: 'fairs' },
          { title: '其中线上', dataIndex: 'online' },
          { title: '参会企业', dataIndex: 'enterprises' },
          { title: '提供岗位', dataIndex: 'posts' },
          { title: '报名', dataIndex: 'registrations' },
          { title: '参会', dataIndex: 'attendance' },
          { title: '达成意向', dataIndex: 'intentions' },
          { title: '发布岗位信息', dataIndex: 'postingsPublished' },
        ]}
      />
    </Card>
  );
}
