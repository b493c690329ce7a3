import { App, Button, DatePicker, Drawer, Form, Input, InputNumber, Switch, Table, Tag, type TableProps } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { addTrainee, listTrainees, type Trainee } from '../../api/skills.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { Money } from '../../components/Money.tsx';
import { useRemoteData } from '../../components/useRemoteData.ts';
import { useErrorText, useI18n } from '../../locales/i18n.tsx';

interface TraineeForm {
  id_number: string;
  name: string;
  post: string;
  start_date: Dayjs;
  end_date?: Dayjs;
  is_completed: boolean;
  is_retained: boolean;
  allowance: number;
  satisfaction?: number;
}

/** A base's trainees (ID numbers masked) and the form that records one more, checked like a file row. */
export function TraineesDrawer({ base, onClose }: { base: { uscc: string; name: string }; onClose: () => void }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const trainees = useRemoteData(() => listTrainees(base.uscc), `trainees-${base.uscc}`);
  const [isAdding, setIsAdding] = useState(false);
  const [form] = Form.useForm<TraineeForm>();

  async function save(values: TraineeForm) {
    try {
      await addTrainee(base.uscc, {
        id_number: values.id_number.trim(),
        name: values.name.trim(),
        post: values.post.trim(),
        start_date: values.start_date.format('YYYY-MM-DD'),
        ...(values.end_date ? { end_date: values.end_date.format('YYYY-MM-DD') } : {}),
        is_completed: values.is_completed,
        is_retained: values.is_retained,
        allowance: String(values.allowance),
        ...(values.satisfaction ? { satisfaction: values.satisfaction } : {}),
      });
      message.success(t('skills.traineeAdded'));
      form.resetFields();
      setIsAdding(false);
      trainees.reload();
    } catch (error) {
      message.error(errorText(error));
    }
  }

  const columns: TableProps<Trainee>['columns'] = [
    { title: t('skills.traineeName'), dataIndex: 'name', fixed: 'left' },
    { title: t('skills.idNumber'), dataIndex: 'id_number' },
    { title: t('skills.post'), dataIndex: 'post' },
    {
      title: t('skills.period'),
      key: 'period',
      render: (_, r) => `${r.start_date} — ${r.end_date ?? t('skills.ongoing')}`,
    },
    {
      title: t('skills.outcome'),
      key: 'outcome',
      render: (_, r) => (
        <>
          {r.is_completed ? <Tag color="green">{t('skills.completed')}</Tag> : <Tag>{t('skills.notCompleted')}</Tag>}
          {r.is_retained && <Tag color="blue">{t('skills.retained')}</Tag>}
        </>
      ),
    },
    {
      title: t('skills.allowanceMonthly'),
      dataIndex: 'allowance',
      render: (yuan: number) => <Money fen={Math.round(yuan * 100)} />,
    },
  ];

  return (
    <Drawer
      open
      width={Math.min(960, window.innerWidth)}
      title={t('skills.traineesOf', { name: base.name })}
      onClose={onClose}
      extra={
        <Button type="primary" onClick={() => setIsAdding((shown) => !shown)}>
          {t('skills.addTrainee')}
        </Button>
      }
    >
      <LoadError error={trainees.error} />
      {isAdding && (
        <Form<TraineeForm>
          form={form}
          layout="vertical"
          aria-label={t('skills.addTrainee')}
          initialValues={{ is_completed: false, is_retained: false }}
          onFinish={save}
          style={{ marginBottom: 24, maxWidth: 560 }}
        >
          <Form.Item name="name" label={t('skills.traineeName')} rules={[{ required: true, whitespace: true }]}>
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item name="id_number" label={t('skills.idNumber')} rules={[{ required: true, len: 18 }]}>
            <Input maxLength={18} autoComplete="off" />
          </Form.Item>
          <Form.Item name="post" label={t('skills.post')} rules={[{ required: true, whitespace: true }]}>
            <Input maxLength={60} />
          </Form.Item>
          <Form.Item name="start_date" label={t('skills.startDate')} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="end_date" label={t('skills.endDate')}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="is_completed" label={t('skills.completed')} valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.Item name="is_retained" label={t('skills.retained')} valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.Item name="allowance" label={t('skills.allowance')} rules={[{ required: true }]}>
            <InputNumber min={0} max={100000} precision={2} />
          </Form.Item>
          <Form.Item name="satisfaction" label={t('skills.satisfaction')}>
            <InputNumber min={1} max={5} precision={0} />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            {t('skills.saveTrainee')}
          </Button>
        </Form>
      )}
      <Table<Trainee>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={trainees.data?.items}
        loading={trainees.isLoading}
        pagination={{ pageSize: 20 }}
        scroll={{ x: 'max-content' }}
        aria-label={t('skills.tabTrainees')}
      />
    </Drawer>
  );
}
