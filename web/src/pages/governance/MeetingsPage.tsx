import { Alert, App, Button, Card, DatePicker, Form, Input, List, Modal, Space, Tag } from 'antd';
import { useState } from 'react';
import { completeAction, listMeetings, recordMeeting } from '../../api/governanceRounds.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { useRemoteData } from '../../components/useRemoteData.ts';
import { useErrorText, useI18n } from '../../locales/i18n.tsx';

const lines = (text: string | undefined) =>
  (text ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/** 部门会商: meetings of 人社 and 工信 with their action items followed to done. */
export default function MeetingsPage() {
  const { t } = useI18n();
  const errorText = useErrorText();
  const { message, modal } = App.useApp();
  const meetings = useRemoteData(() => listMeetings(), 'meetings');
  const [isRecording, setIsRecording] = useState(false);
  const [form] = Form.useForm();

  async function run(action: () => Promise<unknown>) {
    try {
      await action();
      meetings.reload();
      return true;
    } catch (error) {
      message.error(errorText(error));
      return false;
    }
  }

  function done(id: number) {
    let note = '';
    modal.confirm({
      title: t('rounds.doneNote'),
      content: <Input.TextArea rows={3} onChange={(e) => (note = e.target.value)} />,
      onOk: () => run(() => completeAction(id, note)),
    });
  }

  return (
    <Card
      title={t('rounds.meetingsTitle')}
      extra={
        <Button type="primary" onClick={() => setIsRecording(true)} data-testid="meeting-new">
          {t('rounds.newMeeting')}
        </Button>
      }
    >
      <LoadError error={meetings.error} />
      {meetings.data && (
        <Alert
          type={meetings.data.overdueActions ? 'warning' : 'info'}
          showIcon
          style={{ marginBottom: 12 }}
          title={t('rounds.openActions', { open: meetings.data.openActions, overdue: meetings.data.overdueActions })}
        />
      )}
      <List
        dataSource={meetings.data?.items}
        renderItem={(m) => (
          <List.Item>
            <List.Item.Meta
              title={`${m.heldOn} ${m.title}（${m.regionName ?? m.regionCode}）`}
              description={
                <Space direction="vertical" size={2}>
                  <span>{m.attendees.map((a) => `${a.unit}${a.names ? `（${a.names}）` : ''}`).join('；')}</span>
                  <span>
                    {t('rounds.topics').replace(/（.*）/, '')}：{m.topics.join('；')}
                  </span>
                  <span>
                    {t('rounds.decisions').replace(/（.*）/, '')}：{m.decisions.join('；') || '—'}
                  </span>
                  {m.actions.map((a) => (
                    <Space key={a.id} wrap>
                      <Tag color={a.state === 'done' ? 'green' : a.isOverdue ? 'red' : 'orange'}>
                        {a.state === 'done' ? t('rounds.done') : a.isOverdue ? t('rounds.overdue') : a.dueOn}
                      </Tag>
                      {a.task}（{a.ownerUnit}
                      {a.ownerName ? ` ${a.ownerName}` : ''}，{a.dueOn}）{a.doneNote && `：${a.doneNote}`}
                      {a.state === 'open' && (
                        <Button size="small" type="link" onClick={() => done(a.id)}>
                          {t('rounds.done')}
                        </Button>
                      )}
                    </Space>
                  ))}
                </Space>
              }
            />
          </List.Item>
        )}
      />
      <Modal
        open={isRecording}
        title={t('rounds.newMeeting')}
        width={720}
        onCancel={() => setIsRecording(false)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={(v: {
            heldOn: { format: (f: string) => string };
            title: string;
            attendees: string;
            topics: string;
            decisions?: string;
            actions?: string;
          }) =>
            void run(() =>
              recordMeeting({
                heldOn: v.heldOn.format('YYYY-MM-DD'),
                title: v.title,
                attendees: lines(v.attendees).map((l) => {
                  const [unit, names] = l.split(/[:：]/);
                  return { unit: unit!.trim(), names: (names ?? '').trim() };
                }),
                topics: lines(v.topics),
                decisions: lines(v.decisions),
                actions: lines(v.actions).map((l) => {
                  const [task, ownerUnit, dueOn] = l.split('|').map((p) => p.trim());
                  return { task: task ?? '', ownerUnit: ownerUnit ?? '', dueOn: dueOn ?? '' };
                }),
              }),
            ).then((ok) => ok && setIsRecording(false))
          }
        >
          <Form.Item name="heldOn" label={t('rounds.heldOn')} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="title" label={t('rounds.title')} rules={[{ required: true }]}>
            <Input data-testid="meeting-title" />
          </Form.Item>
          <Form.Item name="attendees" label={t('rounds.attendees')} rules={[{ required: true }]}>
            <Input.TextArea rows={2} data-testid="meeting-attendees" />
          </Form.Item>
          <Form.Item name="topics" label={t('rounds.topics')} rules={[{ required: true }]}>
            <Input.TextArea rows={2} data-testid="meeting-topics" />
          </Form.Item>
          <Form.Item name="decisions" label={t('rounds.decisions')}>
            <Input.TextArea rows={2} data-testid="meeting-decisions" />
          </Form.Item>
          <Form.Item name="actions" label={t('rounds.actions')}>
            <Input.TextArea rows={3} data-testid="meeting-actions" />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
