import { Alert, App, Form, Input, Modal, Select } from 'antd';
import { useEffect, useState } from 'react';
import { isApiError } from '../../api/client.ts';
import { editParameters, type PolicyDetail, type PolicyVersion } from '../../api/policies.ts';
import { useErrorText, useI18n } from '../../locales/i18n.tsx';
import { JIANGSU_REGIONS } from '../../utils/jiangsuRegions.ts';
import { ParameterValueInput, draftOf, valueOf, type ValueDraft } from './ParameterValueInput.tsx';

/** Which value to start from: a parameter, and optionally one of its dated, regional values. */
export interface EditTarget {
  parameter: string;
  from?: string;
  to?: string | null;
  region?: string;
  value?: unknown;
}

interface EditValues {
  parameter: string;
  from: string;
  to?: string;
  region: string;
  value: ValueDraft;
  reason: string;
  doc?: string;
  clause?: string;
}

interface ParameterEditModalProps {
  policy: PolicyDetail;
  target: EditTarget | undefined;
  onClose: () => void;
  onSaved: (version: PolicyVersion) => void;
}

/**
 * 编辑参数: one dated, regional value of a parameter, with the reason (required) and its source.
 * Saving makes a new version; an edit that leaves a gap or an overlap in date × region is refused
 * by the server's load-time check, and its message is shown here as it was given.
 */
export function ParameterEditModal({ policy, target, onClose, onSaved }: ParameterEditModalProps) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const [form] = Form.useForm<EditValues>();
  const [refusal, setRefusal] = useState<{ message: string; details: string[] }>();
  const [isSaving, setIsSaving] = useState(false);
  const parameterName = Form.useWatch('parameter', form) ?? target?.parameter;
  const parameter = policy.parameters.find((candidate) => candidate.name === parameterName);
  const isTable = (parameter?.indexed_by.length ?? 0) > 0;

  useEffect(() => {
    if (!target) return;
    const current = policy.parameters.find((candidate) => candidate.name === target.parameter);
    form.setFieldsValue({
      parameter: target.parameter,
      from: target.from ?? policy.valid.from,
      to: target.to ?? undefined,
      region: target.region ?? '320000',
      value: draftOf(target.value, current?.type ?? 'number'),
      reason: '',
      doc: undefined,
      clause: undefined,
    });
    setRefusal(undefined);
  }, [target, policy, form]);

  async function save(values: EditValues) {
    if (!parameter) return;
    let value: unknown;
    try {
      value = valueOf(values.value, parameter.type, isTable);
    } catch {
      form.setFields([{ name: 'value', errors: [t('policy.edit.badTable')] }]);
      return;
    }
    setIsSaving(true);
    setRefusal(undefined);
    try {
      const version = await editParameters(policy.code, {
        reason: values.reason.trim(),
        changes: [{ parameter: values.parameter, from: values.from, to: values.to || null, region: values.region, value }],
        source: values.doc || values.clause ? { doc: values.doc?.trim() || undefined, clause: values.clause?.trim() || undefined } : undefined,
      });
      message.success(t('policy.edit.saved', { version: version.version }));
      onSaved(version);
    } catch (error) {
      const details = isApiError(error) && Array.isArray(error.details) ? error.details.map(String) : [];
      setRefusal({ message: errorText(error), details });
    } finally {
      setIsSaving(false);
    }
  }

  return (
    <Modal
      open={target !== undefined}
      title={t('policy.edit.title', { name: policy.name })}
      okText={t('policy.edit.save')}
      cancelText={t('common.cancel')}
      confirmLoading={isSaving}
      width={640}
      destroyOnHidden
      onCancel={onClose}
      onOk={() => void form.validateFields().then(save)}
    >
      {refusal && (
        <Alert
          type="error"
          showIcon
          role="alert"
          style={{ marginBottom: 16 }}
          title={refusal.message}
          description={refusal.details.length > 1 ? <ul style={{ margin: 0, paddingLeft: 20 }}>{refusal.details.map((detail) => <li key={detail}>{detail}</li>)}</ul> : undefined}
        />
      )}
      <Form<EditValues> form={form} layout="vertical" preserve={false}>
        <Form.Item name="parameter" label={t('policy.parameter')} rules={[{ required: true }]}>
          <Select options={policy.parameters.map((candidate) => ({ value: candidate.name, label: candidate.label }))} />
        </Form.Item>
        <Form.Item name="from" label={t('policy.edit.from')} rules={[{ required: true, message: t('policy.edit.fromRequired') }]}>
          <Input type="date" style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="to" label={t('policy.edit.to')} extra={t('policy.edit.toHint')}>
          <Input type="date" style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="region" label={t('monitoring.region')} rules={[{ required: true }]}>
          <Select style={{ width: 200 }} options={JIANGSU_REGIONS.map((region) => ({ value: region.code, label: `${region.name}（${region.code}）` }))} />
        </Form.Item>
        <Form.Item name="value" label={t('policy.value')} rules={[{ required: true, message: t('policy.edit.valueRequired') }]} extra={isTable ? t('policy.edit.tableHint') : undefined}>
          <ParameterValueInput type={parameter?.type ?? 'number'} unit={parameter?.unit ?? null} isTable={isTable} />
        </Form.Item>
        <Form.Item name="reason" label={t('policy.edit.reason')} rules={[{ required: true, whitespace: true, min: 2, message: t('policy.edit.reasonRequired') }]}>
          <Input.TextArea rows={2} maxLength={500} showCount />
        </Form.Item>
        <Form.Item name="doc" label={t('policy.edit.doc')}>
          <Input maxLength={200} placeholder={t('policy.edit.docPlaceholder')} />
        </Form.Item>
        <Form.Item name="clause" label={t('policy.edit.clause')}>
          <Input maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
