import { App, Button, Card, Select, Space, Table, Tag, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import {
  APPLICATION_STATUS_COLORS,
  listApplicants,
  moveApplicant,
  rescheduleInterview,
  summariseApplicants,
  type Applicant,
  type ApplicantQuery,
  type ApplicationStatus,
  type InterviewBody,
} from '../../api/recruitment.ts';
import { InterviewModal } from './InterviewModal.tsx';
import { InterviewSummary } from './InterviewSummary.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { useRemoteData } from '../../components/useRemoteData.ts';
import { useErrorText } from '../../locales/i18n.tsx';

const STATUS_NAMES: Record<ApplicationStatus, string> = {
  submitted: '已投递',
  viewed: '已查看',
  interview: '面试',
  hired: '录用',
  rejected: '不合适',
};

/**
 * 应聘管理 (/recruitment/applicants): the enterprise's applicants per posting, name and contact
 * masked until it invites them to interview, and the next steps (each one notifies the seeker).
 */
export default function ApplicantsPage() {
  const [query, setQuery] = useState<ApplicantQuery>({ page: 1, pageSize: 20 });
  const applicants = useRemoteData(() => listApplicants(query), JSON.stringify(query));
  const summary = useRemoteData(
    summariseApplicants,
    `summary-${JSON.stringify(applicants.data?.items.map((a) => a.status))}`,
  );
  const errorText = useErrorText();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<number>();
  // The applicant being invited to (or whose interview is being moved to) another time.
  const [arranging, setArranging] = useState<Applicant>();

  async function arrange(applicant: Applicant, body: InterviewBody) {
    if (applicant.status === 'interview') await rescheduleInterview(applicant.id, body);
    else await moveApplicant(applicant.id, 'interview', body);
    void message.success(
      applicant.status === 'interview' ? '已调整面试安排，并通知求职者' : '已邀请面试，并通知求职者',
    );
    setArranging(undefined);
    applicants.reload();
  }

  async function move(applicant: Applicant, to: ApplicationStatus) {
    if (to === 'interview') {
      setArranging(applicant);
      return;
    }
    setBusy(applicant.id);
    try {
      await moveApplicant(applicant.id, to);
      void message.success(`已改为“${STATUS_NAMES[to]}”，并通知求职者`);
      applicants.reload();
    } catch (error) {
      void message.error(errorText(error));
    } finally {
      setBusy(undefined);
    }
  }

  const columns: TableProps<Applicant>['columns'] = [
    { title: '岗位', dataIndex: 'postingTitle' },
    {
      title: '姓名',
      dataIndex: 'applicantName',
      render: (name: string) => <span data-testid="applicant-name">{name}</span>,
    },
    { title: '手机', dataIndex: 'phone', render: (v: string | null) => v ?? '—' },
    { title: '邮箱', dataIndex: 'email', render: (v: string | null) => v ?? '—' },
    { title: '学历', dataIndex: 'education', render: (v: string | null) => v ?? '—' },
    { title: '证书', dataIndex: 'certificates', render: (v: string[]) => (v.length > 0 ? v.join('、') : '—') },
    {
      title: '状态',
      dataIndex: 'statusName',
      render: (name: string, a) => <Tag color={APPLICATION_STATUS_COLORS[a.status]}>{name}</Tag>,
    },
    {
      title: '面试安排',
      dataIndex: 'interview',
      render: (_, a) => <InterviewSummary interview={a.interview} testId={`applicant-${a.id}-interview`} />,
    },
    { title: '投递时间', dataIndex: 'createdAt', render: (at: string) => at.slice(0, 10) },
    {
      title: '操作',
      key: 'actions',
      render: (_, a) => (
        <Space size={4} wrap>
          {a.nextStates.map((next) => (
            <Button
              key={next.status}
              size="small"
              type={next.status === 'rejected' ? 'default' : 'primary'}
              danger={next.status === 'rejected'}
              loading={busy === a.id}
              onClick={() => void move(a, next.status)}
              data-testid={`applicant-${a.id}-${next.status}`}
            >
              {next.status === 'interview' ? '邀请面试' : next.statusName}
            </Button>
          ))}
          {a.status === 'interview' && (
            <Button size="small" onClick={() => setArranging(a)} data-testid={`applicant-${a.id}-reschedule`}>
              调整面试
            </Button>
          )}
        </Space>
      ),
    },
  ];

  if (applicants.error) return <LoadError error={applicants.error} />;
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card title="各岗位应聘情况" size="small">
        <Table
          rowKey="postingId"
          size="small"
          pagination={false}
          dataSource={summary.data?.items ?? []}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: '岗位', dataIndex: 'title' },
            { title: '应聘人数', dataIndex: 'total' },
            ...(Object.keys(STATUS_NAMES) as ApplicationStatus[]).map((s) => ({
              title: STATUS_NAMES[s],
              key: s,
              render: (_: unknown, row: { counts: Record<ApplicationStatus, number> }) => row.counts[s],
            })),
          ]}
        />
      </Card>
      <Card title="应聘管理">
        <Typography.Paragraph type="secondary">
          邀请面试前，求职者姓名和联系方式遮蔽显示；邀请面试后可见完整姓名和联系方式（查看留痕）。每一步都会通知求职者。
        </Typography.Paragraph>
        <Space wrap style={{ marginBottom: 16 }}>
          <Select<number>
            allowClear
            placeholder="全部岗位"
            style={{ width: 240 }}
            value={query.postingId}
            options={(summary.data?.items ?? []).map((p) => ({ value: p.postingId, label: p.title }))}
            onChange={(postingId) => setQuery((q) => ({ ...q, postingId, page: 1 }))}
          />
          <Select<ApplicationStatus>
            allowClear
            placeholder="全部状态"
            style={{ width: 140 }}
            value={query.status}
            options={(Object.keys(STATUS_NAMES) as ApplicationStatus[]).map((s) => ({
              value: s,
              label: STATUS_NAMES[s],
            }))}
            onChange={(status) => setQuery((q) => ({ ...q, status, page: 1 }))}
          />
        </Space>
        <Table<Applicant>
          rowKey="id"
          columns={columns}
          dataSource={applicants.data?.items ?? []}
          loading={applicants.isLoading}
          scroll={{ x: 'max-content' }}
          pagination={{
            current: query.page,
            pageSize: query.pageSize,
            total: applicants.data?.total ?? 0,
            showTotal: (total) => `共 ${total} 人`,
            onChange: (page, pageSize) => setQuery((q) => ({ ...q, page, pageSize })),
          }}
        />
      </Card>
      {arranging && (
        <InterviewModal
          applicant={arranging}
          onSubmit={(body) => arrange(arranging, body)}
          onClose={() => setArranging(undefined)}
        />
      )}
    </Space>
  );
}
