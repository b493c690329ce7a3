import { App, Form, Input, InputNumber, Modal, Select, Space } from 'antd';
import { useState } from 'react';
import {
  CAMPAIGN_KINDS,
  createCampaign,
  updateCampaign,
  type CampaignBody,
  type CampaignDetail,
  type CampaignKind,
} from '../../../api/campaigns.ts';
import { useErrorText, useI18n } from '../../../locales/i18n.tsx';

interface CampaignValues {
  kind: CampaignKind;
  name: string;
  year: number;
  regionCode: string;
  organiser: string;
  summary: string;
  enterprises: number;
  postings: number;
  seekers: number;
  intentions: number;
  events: string;
}

/** Events as lines “日期 城市 地点 线上/线下” (the form's text) and back. */
export function eventsOf(text: string): CampaignBody['events'] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [heldOn = '', city = '', place = '', mode = '线下'] = line.split(/\s+/);
      return { heldOn, city, place: place || city, mode: mode === '线上' ? 'online' : 'onsite' };
    });
}

function eventsText(events: CampaignDetail['events']): string {
  return events.map((e) => `${e.heldOn} ${e.city} ${e.place} ${e.modeName}`).join('\n');
}

/** Records a campaign or changes its events and results. */
export function CampaignModal({
  campaign,
  defaultRegion,
  isProvince,
  onClose,
}: {
  campaign?: CampaignDetail;
  defaultRegion: string;
  isProvince: boolean;
  onClose: (saved?: CampaignDetail) => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<CampaignValues>();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const [isSaving, setIsSaving] = useState(false);
  const initial: Partial<CampaignValues> = campaign
    ? { ...campaign, ...campaign.results, events: eventsText(campaign.events) }
    : {
        kind: 'talent_month',
        year: new Date().getFullYear(),
        regionCode: defaultRegion,
        summary: '',
        enterprises: 0,
        postings: 0,
        seekers: 0,
        intentions: 0,
        events: '',
      };

  async function save(values: CampaignValues) {
    setIsSaving(true);
    try {
      const body: CampaignBody = { ...values, summary: values.summary ?? '', events: eventsOf(values.events ?? '') };
      const saved = campaign ? await updateCampaign(campaign.id, body) : await createCampaign(body);
      void message.success(campaign ? t('campaigns.saved') : t('campaigns.created'));
      onClose(saved);
    } catch (error) {
      void message.error(errorText(error));
    } finally {
      setIsSaving(false);
    }
  }

  return (
    <Modal
      open
      title={campaign ? t('campaigns.editTitle', { name: campaign.name }) : t('campaigns.create')}
      onCancel={() => onClose()}
      onOk={() => form.submit()}
      confirmLoading={isSaving}
      okText={t('campaigns.save')}
      width={680}
      destroyOnHidden
    >
      <Form<CampaignValues> form={form} layout="vertical" initialValues={initial} onFinish={(v) => void save(v)}>
        <Space wrap>
          <Form.Item label={t('campaigns.kindLabel')} name="kind" rules={[{ required: true }]}>
            <Select style={{ width: 200 }} options={CAMPAIGN_KINDS} data-testid="campaign-kind" />
          </Form.Item>
          <Form.Item label={t('campaigns.year')} name="year" rules={[{ required: true }]}>
            <InputNumber min={2000} max={2100} data-testid="campaign-year" />
          </Form.Item>
          <Form.Item
            label={t('campaigns.regionLabel')}
            name="regionCode"
            rules={[{ required: true, pattern: /^\d{6}$/ }]}
          >
            <Input style={{ width: 120 }} disabled={!isProvince} data-testid="campaign-region" />
          </Form.Item>
        </Space>
        <Form.Item label={t('campaigns.nameLabel')} name="name" rules={[{ required: true }]}>
          <Input data-testid="campaign-name" />
        </Form.Item>
        <Form.Item label={t('campaigns.organiser')} name="organiser" rules={[{ required: true }]}>
          <Input data-testid="campaign-organiser" />
        </Form.Item>
        <Form.Item label={t('campaigns.summaryLabel')} name="summary">
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item label={t('campaigns.eventsLabel')} name="events">
          <Input.TextArea rows={3} placeholder={t('campaigns.eventsPlaceholder')} data-testid="campaign-events" />
        </Form.Item>
        <Space wrap>
          <Form.Item label={t('campaigns.enterprises')} name="enterprises">
            <InputNumber min={0} data-testid="campaign-enterprises" />
          </Form.Item>
          <Form.Item label={t('campaigns.postings')} name="postings">
            <InputNumber min={0} data-testid="campaign-postings" />
          </Form.Item>
          <Form.Item label={t('campaigns.seekersTakingPart')} name="seekers">
            <InputNumber min={0} data-testid="campaign-seekers" />
          </Form.Item>
          <Form.Item label={t('campaigns.intentions')} name="intentions">
            <InputNumber min={0} data-testid="campaign-intentions" />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}
