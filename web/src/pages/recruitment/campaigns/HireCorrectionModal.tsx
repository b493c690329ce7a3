import { App, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { correctHire, type CampaignDetail, type HireCorrection } from '../../../api/campaigns.ts';
import { useErrorText, useI18n } from '../../../locales/i18n.tsx';

type Hire = CampaignDetail['hires'][number];

/**
 * Corrects one recorded hire: enterprise and date as shown; the ID number and name, never shown,
 * only when entered again (the home province follows the new ID number).
 */
export function HireCorrectionModal({
  campaignId,
  hire,
  onClose,
}: {
  campaignId: number;
  hire: Hire;
  onClose: (changed: boolean) => void;
}) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const [form] = Form.useForm<HireCorrection>();
  const [isSaving, setIsSaving] = useState(false);

  async function save(values: HireCorrection) {
    setIsSaving(true);
    try {
      const idNumber = values.idNumber?.trim();
      const name = values.name?.trim();
      await correctHire(campaignId, hire.id, {
        uscc: values.uscc.trim().toUpperCase(),
        hiredOn: values.hiredOn,
        ...(idNumber ? { idNumber } : {}),
        ...(name ? { name } : {}),
      });
      void message.success(t('campaigns.hire.corrected'));
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
      title={t('campaigns.hire.correctTitle', { name: hire.name })}
      okText={t('campaigns.hire.save')}
      cancelText={t('campaigns.hire.cancel')}
      confirmLoading={isSaving}
      onOk={() => form.submit()}
      onCancel={() => onClose(false)}
      okButtonProps={{ 'data-testid': 'hire-correct-save' } as Record<string, string>}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('campaigns.hire.correctHint')}</Typography.Paragraph>
      <Form<HireCorrection>
        form={form}
        layout="vertical"
        initialValues={{ uscc: hire.uscc, hiredOn: hire.hiredOn }}
        onFinish={(v) => void save(v)}
      >
        <Form.Item
          name="uscc"
          label={t('campaigns.hire.uscc')}
          rules={[{ required: true, message: t('campaigns.hire.required', { field: t('campaigns.hire.uscc') }) }]}
        >
          <Input data-testid="hire-correct-uscc" />
        </Form.Item>
        <Form.Item
          name="hiredOn"
          label={t('campaigns.hire.hiredOn')}
          rules={[{ required: true, pattern: /^\d{4}-\d{2}-\d{2}$/, message: t('campaigns.hire.dateFormat') }]}
        >
          <Input data-testid="hire-correct-date" />
        </Form.Item>
        <Form.Item name="idNumber" label={t('campaigns.hire.newIdNumber')}>
          <Input autoComplete="off" data-testid="hire-correct-id-number" />
        </Form.Item>
        <Form.Item name="name" label={t('campaigns.hire.newName')}>
          <Input autoComplete="off" data-testid="hire-correct-name" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
