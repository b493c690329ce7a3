import { App, Button, Card, Descriptions, Input, InputNumber, List, Modal, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import {
  answerForm,
  listMyForms,
  myShortage,
  reportShortage,
  type EnterpriseForm,
  type ShortagePosition,
} from '../../api/governanceRounds.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { useRemoteData } from '../../components/useRemoteData.ts';
import { useErrorText, useI18n } from '../../locales/i18n.tsx';

/** 调查填报: the surveys an enterprise received, each with its approval number; a form or the shortage survey to fill. */
export default function FormsPage() {
  const { t } = useI18n();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const forms = useRemoteData(() => listMyForms(), 'my-forms');
  const [filling, setFilling] = useState<EnterpriseForm>();
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [positions, setPositions] = useState<ShortagePosition[]>([]);

  async function start(form: EnterpriseForm) {
    setFilling(form);
    setAnswers(form.answers ?? {});
    setPositions([]);
    if (form.kind === 'shortage_survey') {
      const mine = await myShortage(form.id).catch(() => ({ items: [] }));
      setPositions(
        mine.items.length
          ? mine.items.map((r) => ({
              occupationCode: r.occupationCode,
              headcount: r.headcount,
              urgency: r.urgency,
              note: r.note,
            }))
          : [{ occupationCode: '', headcount: 1, urgency: 'high' }],
      );
    }
  }

  async function submit() {
    if (!filling) return;
    try {
      if (filling.kind === 'shortage_survey') await reportShortage(filling.id, positions);
      else await answerForm(filling.id, answers);
      message.success(t('rounds.saved'));
      setFilling(undefined);
      forms.reload();
    } catch (error) {
      message.error(errorText(error));
    }
  }

  const setPosition = (n: number, change: Partial<ShortagePosition>) =>
    setPositions((list) => list.map((p, i) => (i === n ? { ...p, ...change } : p)));

  return (
    <Card title={t('rounds.formsTitle')}>
      <LoadError error={forms.error} />
      <List
        data-testid="forms-list"
        loading={forms.isLoading}
        dataSource={forms.data?.items}
        renderItem={(form) => (
          <List.Item
            actions={[
              form.state === 'open' && (
                <Button key="fill" type="primary" data-testid={`form-fill-${form.id}`} onClick={() => void start(form)}>
                  {t('rounds.fill')}
                </Button>
              ),
            ]}
          >
            <List.Item.Meta
              title={
                <Space>
                  {form.title}
                  <Tag>{form.kindLabel}</Tag>
                  <Tag color={form.answeredAt ? 'green' : 'orange'}>
                    {form.answeredAt ? t('rounds.saved') : form.stateLabel}
                  </Tag>
                </Space>
              }
              description={t('rounds.approvalLine', {
                number: form.approvalNumber ?? '—',
                office: form.approvalOffice ?? '—',
                until: form.approvalValidUntil ?? '—',
              })}
            />
          </List.Item>
        )}
      />
      <Modal
        open={filling !== undefined}
        title={filling?.title}
        width={760}
        onCancel={() => setFilling(undefined)}
        onOk={() => void submit()}
        okText={t('rounds.submit')}
        okButtonProps={{ 'data-testid': 'form-submit' } as Record<string, string>}
        destroyOnHidden
      >
        {filling && (
          <Descriptions size="small" column={1} style={{ marginBottom: 12 }}>
            <Descriptions.Item label={t('rounds.approvalNumber')}>
              <span data-testid="form-approval-number">{filling.approvalNumber}</span>（{filling.approvalOffice}）
            </Descriptions.Item>
          </Descriptions>
        )}
        {filling?.kind === 'form' &&
          filling.fields.map((field) => (
            <div key={field} style={{ marginBottom: 8 }}>
              <div>{field}</div>
              <Input
                value={answers[field] ?? ''}
                onChange={(e) => setAnswers({ ...answers, [field]: e.target.value })}
              />
            </div>
          ))}
        {filling?.kind === 'shortage_survey' && (
          <>
            {positions.map((p, n) => (
              <Space key={n} style={{ marginBottom: 8 }} wrap>
                <Input
                  placeholder={t('rounds.occupationCode')}
                  style={{ width: 150 }}
                  value={p.occupationCode}
                  data-testid={`position-code-${n}`}
                  onChange={(e) => setPosition(n, { occupationCode: e.target.value.trim() })}
                />
                <InputNumber
                  min={1}
                  value={p.headcount}
                  data-testid={`position-headcount-${n}`}
                  onChange={(v) => setPosition(n, { headcount: v ?? 1 })}
                  addonAfter={t('rounds.headcount')}
                />
                <Select
                  style={{ width: 130 }}
                  value={p.urgency}
                  onChange={(urgency: ShortagePosition['urgency']) => setPosition(n, { urgency })}
                  options={[
                    { value: 'high', label: t('rounds.urgencyHigh') },
                    { value: 'medium', label: t('rounds.urgencyMedium') },
                    { value: 'low', label: t('rounds.urgencyLow') },
                  ]}
                />
              </Space>
            ))}
            <Button
              onClick={() => setPositions([...positions, { occupationCode: '', headcount: 1, urgency: 'medium' }])}
            >
              {t('rounds.addPosition')}
            </Button>
          </>
        )}
      </Modal>
    </Card>
  );
}
