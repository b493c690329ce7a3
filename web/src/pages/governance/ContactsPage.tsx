import {
  App,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Table,
  Tag,
  Typography,
  type TableProps,
} from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import {
  listContacts,
  logContact,
  myWorkload,
  type Contact,
  type ContactKind,
  type WorkloadEntry,
} from '../../api/governance.ts';
import type { PageQuery } from '../../api/types.ts';
import { useCurrentUser } from '../../app/auth.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { pageControls } from '../../components/pageControls.ts';
import { useRemoteData } from '../../components/useRemoteData.ts';
import { useErrorText, useI18n } from '../../locales/i18n.tsx';

const KINDS: ContactKind[] = ['visit', 'call', 'online'];
type Dayjs = { format: (template: string) => string };

/**
 * 联系企业 (无事不扰): a commissioner's assigned enterprises with what needs doing and the
 * month's contacts against the cap, and the log of contacts; an enterprise sees every contact
 * made with it; cities and the province read their scope's log.
 */
export default function ContactsPage() {
  const { t } = useI18n();
  const user = useCurrentUser();
  const isCommissioner = user.role === 'commissioner';
  const [query, setQuery] = useState<PageQuery>({ page: 1, pageSize: 20 });
  const [logging, setLogging] = useState<WorkloadEntry>();
  const contacts = useRemoteData(() => listContacts(query), JSON.stringify(query));
  const workload = useRemoteData(
    () => (isCommissioner ? myWorkload() : Promise.resolve(undefined)),
    `workload-${isCommissioner}`,
  );

  const columns: TableProps<Contact>['columns'] = [
    { title: t('governance.contactDate'), dataIndex: 'contactDate' },
    ...(user.role === 'enterprise' ? [] : [{ title: t('enterprises.name'), dataIndex: 'enterpriseName' }]),
    { title: t('governance.commissioner'), dataIndex: 'commissionerName' },
    { title: t('governance.contactKind'), dataIndex: 'kindLabel' },
    { title: t('governance.topic'), dataIndex: 'topic' },
    { title: t('governance.outcome'), dataIndex: 'outcome', ellipsis: true, width: 260 },
    { title: t('governance.followUp'), dataIndex: 'followUpDate', render: (d: string | null) => d ?? t('common.none') },
    {
      title: t('governance.answersRequest'),
      dataIndex: 'requestId',
      render: (id: number | null) =>
        id === null ? t('common.none') : <Link to={`/governance/requests/${id}`}>{id}</Link>,
    },
  ];

  const cap = workload.data?.contactCap ?? 0;
  const workColumns: TableProps<WorkloadEntry>['columns'] = [
    { title: t('enterprises.name'), dataIndex: 'name' },
    { title: t('governance.openRequests'), dataIndex: 'openRequests' },
    {
      title: t('governance.nextDeadline'),
      dataIndex: 'nextDeadline',
      render: (d: string | null, r) => (d === null ? t('common.none') : r.isOverdue ? <Tag color="red">{d}</Tag> : d),
    },
    {
      title: t('governance.openAlerts'),
      dataIndex: 'openAlerts',
      render: (n: number) =>
        n > 0 ? (
          <Link to="/monitoring/alerts">
            <Tag color="orange">{n}</Tag>
          </Link>
        ) : (
          0
        ),
    },
    {
      title: t('governance.contactsThisMonth'),
      dataIndex: 'contactsThisMonth',
      render: (n: number) => (n >= cap ? <Tag color="red">{`${n} / ${cap}`}</Tag> : `${n} / ${cap}`),
    },
    { title: t('governance.followUp'), dataIndex: 'nextFollowUp', render: (d: string | null) => d ?? t('common.none') },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_: unknown, entry: WorkloadEntry) => (
        <Button type="link" size="small" onClick={() => setLogging(entry)}>
          {t('governance.logContact')}
        </Button>
      ),
    },
  ];

  return (
    <>
      {isCommissioner && (
        <Card title={t('governance.myEnterprises')} style={{ marginBottom: 16 }}>
          <LoadError error={workload.error} />
          {workload.data && (
            <Typography.Paragraph type="secondary">
              {t('governance.capNote', { cap: workload.data.contactCap, source: workload.data.contactCapSource })}
            </Typography.Paragraph>
          )}
          <Table<WorkloadEntry>
            rowKey="uscc"
            size="middle"
            pagination={false}
            columns={workColumns}
            dataSource={workload.data?.items}
            loading={workload.isLoading}
            scroll={{ x: 'max-content' }}
          />
        </Card>
      )}
      <Card title={t('governance.contactsTitle')}>
        <LoadError error={contacts.error} />
        <Table<Contact>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={contacts.data?.items}
          loading={contacts.isLoading}
          scroll={{ x: 'max-content' }}
          {...pageControls(query, contacts.data?.total, setQuery, t)}
        />
      </Card>
      {isCommissioner && (
        <LogContactModal
          entry={logging}
          onClose={() => setLogging(undefined)}
          onLogged={() => {
            setLogging(undefined);
            contacts.reload();
            workload.reload();
          }}
        />
      )}
    </>
  );
}

interface ContactForm {
  kind: ContactKind;
  contactDate: Dayjs;
  topic: string;
  outcome: string;
  followUpDate?: Dayjs;
  requestId?: number;
}

function LogContactModal({
  entry,
  onClose,
  onLogged,
}: {
  entry?: WorkloadEntry;
  onClose: () => void;
  onLogged: () => void;
}) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const [form] = Form.useForm<ContactForm>();

  async function submit() {
    if (!entry) return;
    const values = await form.validateFields();
    try {
      await logContact({
        uscc: entry.uscc,
        kind: values.kind,
        contactDate: values.contactDate.format('YYYY-MM-DD'),
        topic: values.topic,
        outcome: values.outcome,
        ...(values.followUpDate ? { followUpDate: values.followUpDate.format('YYYY-MM-DD') } : {}),
        ...(values.requestId ? { requestId: values.requestId } : {}),
      });
      message.success(t('governance.contactLogged'));
      form.resetFields();
      onLogged();
    } catch (error) {
      message.error(errorText(error));
    }
  }

  return (
    <Modal
      open={entry !== undefined}
      title={t('governance.logContactFor', { name: entry?.name ?? '' })}
      onCancel={onClose}
      onOk={() => void submit()}
      destroyOnHidden
    >
      <Form form={form} layout="vertical">
        <Form.Item name="kind" label={t('governance.contactKind')} rules={[{ required: true }]}>
          <Select options={KINDS.map((k) => ({ value: k, label: t(`governance.kind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="contactDate" label={t('governance.contactDate')} rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="topic" label={t('governance.topic')} rules={[{ required: true }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="outcome" label={t('governance.outcome')} rules={[{ required: true }]}>
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
        <Form.Item name="followUpDate" label={t('governance.followUp')}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="requestId" label={t('governance.answersRequest')} extra={t('governance.answersRequestHint')}>
          <InputNumber min={1} style={{ width: 160 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
