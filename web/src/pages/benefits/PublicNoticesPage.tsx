import { Alert, Button, Card, Form, Input, Layout, Modal, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { fileObjection, listPublicNotices, type PublicNotice } from '../../api/benefits.ts';
import type { PageQuery } from '../../api/types.ts';
import { LanguageSwitch } from '../../components/LanguageSwitch.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { useRemoteData } from '../../components/useRemoteData.ts';
import { useErrorText } from '../../locales/i18n.tsx';
import { formatFen } from '../../utils/format.ts';
import { cityName } from './cityNames.ts';
import { useBenefitsText } from './benefitsText.ts';
import { useActionKey } from './useActionKey.ts';
import { daysText, useTimeLimits } from './useTimeLimits.ts';

/** The objection dialog of one notice (5–2000 characters, no personal data asked for). */
function ObjectionModal({ notice, onClose }: { notice: PublicNotice; onClose: (message?: string) => void }) {
  const { bt } = useBenefitsText();
  const errorText = useErrorText();
  const [form] = Form.useForm<{ text: string }>();
  const [error, setError] = useState<string>();
  const [isBusy, setIsBusy] = useState(false);
  const action = useActionKey();

  async function submit() {
    const { text } = await form.validateFields();
    setIsBusy(true);
    setError(undefined);
    try {
      const answer = await fileObjection(notice.id, text.trim(), action.key());
      action.done();
      onClose(bt('benefits.public.objectDone', { id: answer.id }));
    } catch (cause) {
      setError(errorText(cause));
    } finally {
      setIsBusy(false);
    }
  }

  return (
    <Modal
      open
      title={bt('benefits.public.objectTitle', { name: notice.enterprise_name })}
      okText={bt('benefits.public.object')}
      confirmLoading={isBusy}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={() => onClose()}
    >
      <Form form={form} layout="vertical">
        <Form.Item
          name="text"
          label={bt('benefits.public.objectText')}
          rules={[{ required: true, whitespace: true, min: 5, max: 2000, message: bt('benefits.public.objectRule') }]}
        >
          <Input.TextArea rows={4} maxLength={2000} showCount />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon role="alert" title={error} />}
    </Modal>
  );
}

/**
 * 政策兑现公示 (/public/notices), open to anyone: enterprise, policy and amount of approved
 * cases during their 公示 period (no personal data), with an objection form.
 */
export default function PublicNoticesPage() {
  const { bt, policyName } = useBenefitsText();
  const limits = useTimeLimits();
  const [query, setQuery] = useState<PageQuery>({ page: 1, pageSize: 20 });
  const notices = useRemoteData(() => listPublicNotices(query), JSON.stringify(query));
  const [objecting, setObjecting] = useState<PublicNotice | null>(null);
  const [message, setMessage] = useState<string>();

  return (
    <Layout style={{ minHeight: '100vh', padding: 24 }}>
      <Card
        title={bt('benefits.public.title')}
        extra={
          <>
            <LanguageSwitch />
            <Link to="/login" style={{ marginLeft: 16 }}>
              {bt('benefits.public.backToLogin')}
            </Link>
          </>
        }
        style={{ maxWidth: 1100, margin: '0 auto', width: '100%' }}
      >
        <Typography.Paragraph>{bt('benefits.public.hint', { days: daysText(limits.publicity) })}</Typography.Paragraph>
        {message && (
          <Alert
            type="success"
            showIcon
            role="status"
            title={message}
            closable
            onClose={() => setMessage(undefined)}
            style={{ marginBottom: 16 }}
          />
        )}
        <LoadError error={notices.error} />
        <Table<PublicNotice>
          data-testid="public-notices"
          rowKey="id"
          size="middle"
          loading={notices.isLoading}
          dataSource={notices.data?.items}
          locale={{ emptyText: bt('benefits.public.empty') }}
          scroll={{ x: 'max-content' }}
          pagination={{
            current: query.page,
            pageSize: query.pageSize,
            total: notices.data?.total ?? 0,
            onChange: (page, pageSize) => setQuery({ page, pageSize }),
          }}
          columns={[
            { title: bt('benefits.enterprise'), dataIndex: 'enterprise_name' },
            { title: bt('benefits.city'), dataIndex: 'city_code', render: (code: string) => cityName(code) },
            { title: bt('benefits.policy'), dataIndex: 'policy', render: (code: string) => policyName(code) },
            { title: bt('benefits.period'), dataIndex: 'period' },
            {
              title: bt('benefits.amount'),
              dataIndex: 'amount_fen',
              align: 'right',
              render: (fen: number) => formatFen(fen),
            },
            {
              title: bt('benefits.publicity'),
              key: 'window',
              render: (_, notice) => `${notice.publicity_from} ~ ${notice.publicity_until}`,
            },
            {
              title: '',
              key: 'object',
              render: (_, notice) => (
                <Button
                  size="small"
                  aria-label={`${bt('benefits.public.object')} ${notice.enterprise_name}`}
                  onClick={() => setObjecting(notice)}
                >
                  {bt('benefits.public.object')}
                </Button>
              ),
            },
          ]}
        />
      </Card>
      {objecting && (
        <ObjectionModal
          notice={objecting}
          onClose={(done) => {
            setObjecting(null);
            if (done) setMessage(done);
          }}
        />
      )}
    </Layout>
  );
}
