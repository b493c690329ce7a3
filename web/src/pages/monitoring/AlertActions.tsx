import { App, Button, Form, Input, Modal, Popconfirm, Space, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { changeAlert, getAlert, type Alert } from '../../api/alerts.ts';
import type { Role } from '../../api/types.ts';
import { useRemoteData } from '../../components/useRemoteData.ts';
import { isMessageKey, useErrorText, useI18n } from '../../locales/i18n.tsx';
import { formatDateTime } from '../../utils/format.ts';

/** Who may assign and reopen (PATCH …/alerts/:id): officials of the province and the cities. */
export const ALERT_OFFICIAL_ROLES: readonly Role[] = ['province_hrss', 'city_hrss'];
/** Commissioners may also close their enterprises' alerts. */
export const ALERT_CLOSER_ROLES: readonly Role[] = [...ALERT_OFFICIAL_ROLES, 'commissioner'];

interface AlertActionsProps {
  alert: Alert;
  role: Role;
  onChanged: () => void;
}

/** 分派 / 办结 / 重新打开 for one alert, as the role may. */
export function AlertActions({ alert, role, onChanged }: AlertActionsProps) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const [isClosing, setIsClosing] = useState(false);
  const [isSaving, setIsSaving] = useState(false);
  const [form] = Form.useForm<{ note: string }>();
  const isOfficial = ALERT_OFFICIAL_ROLES.includes(role);
  const mayClose = ALERT_CLOSER_ROLES.includes(role);
  const name = alert.enterpriseName ?? alert.uscc;

  async function change(action: 'assign' | 'close' | 'reopen', note?: string): Promise<boolean> {
    setIsSaving(true);
    try {
      const changed = await changeAlert(alert.id, { action, note });
      message.success(t(`alerts.done.${action}`, { name, assignee: changed.assignee?.name ?? '' }));
      onChanged();
      return true;
    } catch (error) {
      message.error(errorText(error));
      return false;
    } finally {
      setIsSaving(false);
    }
  }

  return (
    <Space size={0} wrap>
      {isOfficial && alert.status === 'open' && (
        <Popconfirm
          title={t('alerts.assignConfirm', { name })}
          onConfirm={() => change('assign')}
          okText={t('common.confirm')}
          cancelText={t('common.cancel')}
        >
          <Button type="link" size="small" loading={isSaving}>
            {t('alerts.assign')}
          </Button>
        </Popconfirm>
      )}
      {mayClose && alert.status !== 'closed' && (
        <Button type="link" size="small" onClick={() => setIsClosing(true)}>
          {t('alerts.close')}
        </Button>
      )}
      {isOfficial && alert.status === 'closed' && (
        <Popconfirm
          title={t('alerts.reopenConfirm', { name })}
          onConfirm={() => change('reopen')}
          okText={t('common.confirm')}
          cancelText={t('common.cancel')}
        >
          <Button type="link" size="small" loading={isSaving}>
            {t('alerts.reopen')}
          </Button>
        </Popconfirm>
      )}
      <Modal
        open={isClosing}
        title={t('alerts.closeTitle', { name })}
        okText={t('alerts.close')}
        cancelText={t('common.cancel')}
        confirmLoading={isSaving}
        destroyOnHidden
        onCancel={() => setIsClosing(false)}
        onOk={() =>
          void form.validateFields().then(async ({ note }) => {
            if (await change('close', note)) setIsClosing(false);
          })
        }
      >
        <Typography.Paragraph type="secondary">{alert.message}</Typography.Paragraph>
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item
            name="note"
            label={t('alerts.closeNote')}
            rules={[{ required: true, whitespace: true, message: t('alerts.closeNoteRequired') }]}
          >
            <Input.TextArea rows={4} maxLength={2000} showCount />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}

/** 处理记录: the alert's history (detected, assigned, closed, reopened), loaded when expanded. */
export function AlertHistory({ id }: { id: number }) {
  const { t } = useI18n();
  const detail = useRemoteData(() => getAlert(id), String(id));
  if (detail.isLoading && !detail.data) return <Typography.Text type="secondary">…</Typography.Text>;
  const events = detail.data?.events ?? [];
  if (events.length === 0) return <Typography.Text type="secondary">{t('alerts.noHistory')}</Typography.Text>;
  return (
    <Timeline
      items={events.map((event, index) => {
        const key = `alerts.action.${event.action}`;
        const action = isMessageKey(key) ? t(key) : event.action;
        return {
          key: index,
          content: `${formatDateTime(event.at)} · ${event.actor ?? t('alerts.system')} · ${action}${event.note ? `：${event.note}` : ''}`,
        };
      })}
    />
  );
}
