import { Card, Space, Table, Tag, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { APPLICATION_STATUS_COLORS, listMyApplications, type MyApplication } from '../../api/recruitment.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { InterviewSummary } from '../recruitment/InterviewSummary.tsx';
import { useRemoteData } from '../../components/useRemoteData.ts';

/** 我的投递 (/seeker/applications): the seeker's own applications and where each stands. */
export default function MyApplicationsPage() {
  const [query, setQuery] = useState({ page: 1, pageSize: 20 });
  const applications = useRemoteData(() => listMyApplications(query), JSON.stringify(query));
  const columns: TableProps<MyApplication>['columns'] = [
    {
      title: '岗位',
      dataIndex: 'postingTitle',
      render: (title: string, a) => <Link to={`/public/jobs/${a.postingId}`}>{title}</Link>,
    },
    { title: '企业', dataIndex: 'enterpriseName' },
    {
      title: '状态',
      dataIndex: 'statusName',
      render: (name: string, a) => (
        <Tag color={APPLICATION_STATUS_COLORS[a.status]} data-testid={`application-status-${a.postingId}`}>
          {name}
        </Tag>
      ),
    },
    {
      title: '面试安排',
      dataIndex: 'interview',
      render: (_, a) => <InterviewSummary interview={a.interview} testId={`application-interview-${a.postingId}`} />,
    },
    { title: '投递时间', dataIndex: 'createdAt', render: (at: string) => at.slice(0, 10) },
    { title: '更新时间', dataIndex: 'updatedAt', render: (at: string) => at.slice(0, 10) },
  ];
  if (applications.error) return <LoadError error={applications.error} />;
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card title="我的投递">
        <Typography.Paragraph type="secondary">
          在 <Link to="/public/jobs">岗位搜索</Link>{' '}
          中找到岗位后，打开岗位并投递；企业每推进一步，系统都会以短信或邮件通知您。
        </Typography.Paragraph>
        <Table<MyApplication>
          rowKey="id"
          columns={columns}
          dataSource={applications.data?.items ?? []}
          loading={applications.isLoading}
          scroll={{ x: 'max-content' }}
          pagination={{
            current: query.page,
            pageSize: query.pageSize,
            total: applications.data?.total ?? 0,
            showTotal: (total) => `共 ${total} 条`,
            onChange: (page, pageSize) => setQuery({ page, pageSize }),
          }}
        />
      </Card>
    </Space>
  );
}
