import { App, Button, Card, Form, Input, InputNumber, Modal, Select, Space, Table, Tag, type TableProps } from 'antd';
import { useState } from 'react';
import { useCurrentUser } from '../../app/auth.tsx';
import {
  createFair,
  exportFairs,
  listFairs,
  updateFair,
  type Fair,
  type FairBody,
  type FairQuery,
} from '../../api/recruitment.ts';
import { ExportButton } from '../../components/ExportButton.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { useRemoteData } from '../../components/useRemoteData.ts';
import { useErrorText } from '../../locales/i18n.tsx';
import { FairFiguresCard } from './FairFiguresCard.tsx';
import { SignUpModal } from './SignUpModal.tsx';

interface FairValues {
  name: string;
  fairDate: string;
  mode: 'online' | 'onsite';
  place: string;
  organiser: string;
  regionCode: string;
  registrations: number;
  attendance: number;
  intentions: number;
  enterprises: string;
}

/**
 * 专场招聘会 (/recruitment/fairs): officials see their region's fairs (the province all) with the
 * figures per city and year against the targets, record a fair and its results, and export the
 * list; an enterprise sees the fairs and signs up with its published postings.
 */
export default function JobFairsPage() {
  const user = useCurrentUser();
  const isEnterprise = user.role === 'enterprise';
  const canRecord = user.role === 'city_hrss' || user.role === 'province_hrss';
  const [query, setQuery] = useState<FairQuery>({ page: 1, pageSize: 20 });
  const fairs = useRemoteData(() => listFairs(query), JSON.stringify(query));
  const [editing, setEditing] = useState<Fair | 'new'>();
  const [signingUp, setSigningUp] = useState<Fair>();
  const { page: _page, pageSize: _pageSize, ...filters } = query;

  const columns: TableProps<Fair>['columns'] = [
    { title: '招聘会', dataIndex: 'name' },
    { title: '日期', dataIndex: 'fairDate' },
    { title: '形式', dataIndex: 'modeName', render: (m: string) => <Tag>{m}</Tag> },
    { title: '举办地', dataIndex: 'regionName' },
    { title: '地点/平台', dataIndex: 'place' },
    { title: '主办单位', dataIndex: 'organiser' },
    { title: '参会企业', dataIndex: 'enterpriseCount' },
    { title: '岗位数', dataIndex: 'posts' },
    { title: '报名', dataIndex: 'registrations' },
    { title: '参会', dataIndex: 'attendance' },
    { title: '达成意向', dataIndex: 'intentions' },
    {
      title: '操作',
      key: 'actions',
      render: (_, f) =>
        isEnterprise ? (
          <Button size="small" onClick={() => setSigningUp(f)} data-testid={`fair-${f.id}-sign-up`}>
            {f.isSignedUp ? '已报名（修改）' : '报名'}
          </Button>
        ) : canRecord ? (
          <Button size="small" onClick={() => setEditing(f)} data-testid={`fair-${f.id}-edit`}>
            登记结果
          </Button>
        ) : null,
    },
  ];

  if (fairs.error) return <LoadError error={fairs.error} />;
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      {!isEnterprise && <FairFiguresCard />}
      <Card
        title="专场招聘会"
        extra={
          <Space>
            {!isEnterprise && <ExportButton download={() => exportFairs(filters)} testId="fairs-export" />}
            {canRecord && (
              <Button type="primary" onClick={() => setEditing('new')} data-testid="fair-new">
                登记招聘会
              </Button>
            )}
          </Space>
        }
      >
        <Space wrap style={{ marginBottom: 16 }}>
          <Input.Search
            allowClear
            placeholder="招聘会名称"
            style={{ width: 220 }}
            onSearch={(q) => setQuery((current) => ({ ...current, q: q || undefined, page: 1 }))}
          />
          <Select<string>
            allowClear
            placeholder="全部年份"
            style={{ width: 120 }}
            options={[0, 1, 2, 3].map((back) => {
              const year = new Date().getFullYear() - back;
              return { value: String(year), label: `${year} 年` };
            })}
            onChange={(year) => setQuery((q) => ({ ...q, year: year ? Number(year) : undefined, page: 1 }))}
          />
        </Space>
        <Table<Fair>
          rowKey="id"
          columns={columns}
          dataSource={fairs.data?.items ?? []}
          loading={fairs.isLoading}
          scroll={{ x: 'max-content' }}
          pagination={{
            current: query.page,
            pageSize: query.pageSize,
            total: fairs.data?.total ?? 0,
            showTotal: (total) => `共 ${total} 场`,
            onChange: (page, pageSize) => setQuery((q) => ({ ...q, page, pageSize })),
          }}
        />
      </Card>
      {editing && (
        <FairModal
          fair={editing === 'new' ? undefined : editing}
          defaultRegion={user.regionCode ?? ''}
          onClose={(saved) => {
            setEditing(undefined);
            if (saved) fairs.reload();
          }}
        />
      )}
      {signingUp && (
        <SignUpModal
          fair={signingUp}
          onClose={(saved) => {
            setSigningUp(undefined);
            if (saved) fairs.reload();
          }}
        />
      )}
    </Space>
  );
}

function enterprisesOf(text: string): FairBody['enterprises'] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [uscc, posts] = line.split(/[\s,，]+/);
      return { uscc: (uscc ?? '').toUpperCase(), posts: Number(posts ?? 0) || 0 };
    });
}

function FairModal({
  fair,
  defaultRegion,
  onClose,
}: {
  fair?: Fair;
  defaultRegion: string;
  onClose: (saved: boolean) => void;
}) {
  const [form] = Form.useForm<FairValues>();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const [isSaving, setIsSaving] = useState(false);
  const initial: Partial<FairValues> = fair
    ? {
        ...fair,
        enterprises: fair.enterprises.map((e) => `${e.uscc} ${e.posts}`).join('\n'),
      }
    : {
        mode: 'onsite',
        regionCode: defaultRegion,
        fairDate: new Date().toISOString().slice(0, 10),
        registrations: 0,
        attendance: 0,
        intentions: 0,
        enterprises: '',
      };

  async function save(values: FairValues) {
    setIsSaving(true);
    try {
      const body: FairBody = { ...values, enterprises: enterprisesOf(values.enterprises ?? '') };
      if (fair) await updateFair(fair.id, body);
      else await createFair(body);
      void message.success(fair ? '已保存' : '已登记招聘会');
      onClose(true);
    } catch (error) {
      void message.error(errorText(error));
    } finally {
      setIsSaving(false);
    }
  }

  return (
    <Modal
      open
      title={fair ? `登记结果：${fair.name}` : '登记专场招聘会'}
      onCancel={() => onClose(false)}
      onOk={() => form.submit()}
      confirmLoading={isSaving}
      okText="保存"
      width={640}
      destroyOnHidden
    >
      <Form<FairValues> form={form} layout="vertical" initialValues={initial} onFinish={(v) => void save(v)}>
        <Form.Item label="招聘会名称" name="name" rules={[{ required: true }]}>
          <Input data-testid="fair-name" />
        </Form.Item>
        <Space wrap>
          <Form.Item label="举办日期" name="fairDate" rules={[{ required: true, pattern: /^\d{4}-\d{2}-\d{2}$/ }]}>
            <Input placeholder="YYYY-MM-DD" data-testid="fair-date" />
          </Form.Item>
          <Form.Item label="形式" name="mode" rules={[{ required: true }]}>
            <Select
              style={{ width: 100 }}
              options={[
                { value: 'onsite', label: '线下' },
                { value: 'online', label: '线上' },
              ]}
            />
          </Form.Item>
          <Form.Item label="举办地（区划代码）" name="regionCode" rules={[{ required: true, pattern: /^\d{6}$/ }]}>
            <Input style={{ width: 120 }} data-testid="fair-region" />
          </Form.Item>
        </Space>
        <Form.Item label="地点或线上平台" name="place" rules={[{ required: true }]}>
          <Input data-testid="fair-place" />
        </Form.Item>
        <Form.Item label="主办单位" name="organiser" rules={[{ required: true }]}>
          <Input data-testid="fair-organiser" />
        </Form.Item>
        <Space wrap>
          <Form.Item label="报名人数" name="registrations">
            <InputNumber min={0} data-testid="fair-registrations" />
          </Form.Item>
          <Form.Item label="参会人数" name="attendance">
            <InputNumber min={0} data-testid="fair-attendance" />
          </Form.Item>
          <Form.Item label="达成意向人数" name="intentions">
            <InputNumber min={0} data-testid="fair-intentions" />
          </Form.Item>
        </Space>
        <Form.Item label="参会企业（每行一家：统一社会信用代码 岗位数）" name="enterprises">
          <Input.TextArea rows={3} data-testid="fair-enterprises" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
