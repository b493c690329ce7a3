import { App, Button, Descriptions, Drawer, Form, Input, Popconfirm, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { getCampaign, recordHire, removeHire, type CampaignDetail, type HireBody } from '../../../api/campaigns.ts';
import { LoadError } from '../../../components/LoadError.tsx';
import { useRemoteData } from '../../../components/useRemoteData.ts';
import { useErrorText, useI18n } from '../../../locales/i18n.tsx';
import { HireCorrectionModal } from './HireCorrectionModal.tsx';

type Hire = CampaignDetail['hires'][number];
type Event = CampaignDetail['events'][number];

/** One campaign: events, results, the hires (masked names, home province — never the ID) and a hire form. */
export function CampaignDrawer({
  id,
  canRecord,
  onEdit,
  onClose,
}: {
  id: number;
  canRecord: boolean;
  onEdit: (campaign: CampaignDetail) => void;
  onClose: (changed: boolean) => void;
}) {
  const campaign = useRemoteData(() => getCampaign(id), String(id));
  const [changed, setChanged] = useState(false);
  const [form] = Form.useForm<HireBody>();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const [isSaving, setIsSaving] = useState(false);
  const [correcting, setCorrecting] = useState<Hire | null>(null);
  const { t } = useI18n();

  async function hire(values: HireBody) {
    setIsSaving(true);
    try {
      await recordHire(id, { ...values, uscc: values.uscc.trim().toUpperCase(), idNumber: values.idNumber.trim() });
      void message.success(t('campaigns.hireRecorded'));
      form.resetFields();
      setChanged(true);
      campaign.reload();
    } catch (error) {
      void message.error(errorText(error));
    } finally {
      setIsSaving(false);
    }
  }

  async function remove(hireId: number) {
    try {
      await removeHire(id, hireId);
      void message.success(t('campaigns.hire.removed'));
      setChanged(true);
      campaign.reload();
    } catch (error) {
      void message.error(errorText(error));
    }
  }

  const hireActions = {
    title: t('campaigns.hire.actions'),
    key: 'actions',
    render: (_: unknown, h: Hire) => (
      <Space size="small">
        <Button size="small" type="link" onClick={() => setCorrecting(h)} data-testid={`hire-correct-${h.id}`}>
          {t('campaigns.hire.correct')}
        </Button>
        <Popconfirm title={t('campaigns.hire.removeConfirm')} onConfirm={() => void remove(h.id)}>
          <Button size="small" type="link" danger data-testid={`hire-remove-${h.id}`}>
            {t('campaigns.hire.remove')}
          </Button>
        </Popconfirm>
      </Space>
    ),
  };

  const c = campaign.data;
  return (
    <Drawer open width={760} title={c?.name ?? t('campaigns.title')} onClose={() => onClose(changed)} destroyOnHidden>
      {campaign.error ? <LoadError error={campaign.error} /> : null}
      {c && (
        <Space orientation="vertical" size="large" style={{ width: '100%' }}>
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label={t('campaigns.kind')}>{c.kindName}</Descriptions.Item>
            <Descriptions.Item label={t('campaigns.year')}>{c.year}</Descriptions.Item>
            <Descriptions.Item label={t('campaigns.region')}>{c.regionName}</Descriptions.Item>
            <Descriptions.Item label={t('campaigns.organiser')}>{c.organiser}</Descriptions.Item>
            <Descriptions.Item label={t('campaigns.enterprises')}>{c.results.enterprises}</Descriptions.Item>
            <Descriptions.Item label={t('campaigns.postings')}>{c.results.postings}</Descriptions.Item>
            <Descriptions.Item label={t('campaigns.seekersTakingPart')}>{c.results.seekers}</Descriptions.Item>
            <Descriptions.Item label={t('campaigns.intentions')}>{c.results.intentions}</Descriptions.Item>
            <Descriptions.Item label={t('campaigns.hireCount')} span={2}>
              <span data-testid="campaign-hire-count">{c.results.hires}</span>
            </Descriptions.Item>
            {c.summary && (
              <Descriptions.Item label={t('campaigns.summary')} span={2}>
                {c.summary}
              </Descriptions.Item>
            )}
          </Descriptions>
          {canRecord && (
            <Button onClick={() => onEdit(c)} data-testid="campaign-edit">
              {t('campaigns.edit')}
            </Button>
          )}
          <Table<Event>
            size="small"
            rowKey={(e) => `${e.heldOn}-${e.city}-${e.place}`}
            pagination={false}
            title={() => t('campaigns.eventsTitle')}
            dataSource={c.events}
            columns={[
              { title: t('campaigns.heldOn'), dataIndex: 'heldOn' },
              { title: t('campaigns.city'), dataIndex: 'city' },
              { title: t('campaigns.place'), dataIndex: 'place' },
              { title: t('campaigns.mode'), dataIndex: 'modeName', render: (m: string) => <Tag>{m}</Tag> },
            ]}
          />
          <Table<Hire>
            size="small"
            rowKey="id"
            title={() => t('campaigns.hiresTitle')}
            dataSource={c.hires}
            pagination={{ pageSize: 10 }}
            data-testid="campaign-hires"
            columns={[
              { title: t('campaigns.personName'), dataIndex: 'name' },
              { title: t('campaigns.homeProvince'), dataIndex: 'homeProvinceName' },
              {
                title: t('campaigns.employer'),
                dataIndex: 'enterpriseName',
                render: (n: string | null, h) => n ?? h.uscc,
              },
              { title: t('campaigns.hiredOn'), dataIndex: 'hiredOn' },
              ...(canRecord ? [hireActions] : []),
            ]}
          />
          {correcting && (
            <HireCorrectionModal
              campaignId={id}
              hire={correcting}
              onClose={(saved) => {
                setCorrecting(null);
                if (saved) {
                  setChanged(true);
                  campaign.reload();
                }
              }}
            />
          )}
          {canRecord && (
            <Form<HireBody> form={form} layout="inline" onFinish={(v) => void hire(v)}>
              <Form.Item name="idNumber" rules={[{ required: true, message: t('campaigns.idNumberRequired') }]}>
                <Input placeholder={t('campaigns.idNumber')} style={{ width: 190 }} data-testid="hire-id-number" />
              </Form.Item>
              <Form.Item name="name" rules={[{ required: true, message: t('campaigns.nameRequired') }]}>
                <Input placeholder={t('campaigns.personName')} style={{ width: 90 }} data-testid="hire-name" />
              </Form.Item>
              <Form.Item name="uscc" rules={[{ required: true, message: t('campaigns.employerRequired') }]}>
                <Input placeholder={t('campaigns.employerUscc')} style={{ width: 210 }} data-testid="hire-uscc" />
              </Form.Item>
              <Form.Item
                name="hiredOn"
                rules={[{ required: true, pattern: /^\d{4}-\d{2}-\d{2}$/, message: 'YYYY-MM-DD' }]}
              >
                <Input placeholder={t('campaigns.hiredOn')} style={{ width: 110 }} data-testid="hire-date" />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={isSaving} data-testid="hire-submit">
                {t('campaigns.recordHire')}
              </Button>
            </Form>
          )}
        </Space>
      )}
    </Drawer>
  );
}
