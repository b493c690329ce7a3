import { PlusOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Form, Input, Modal, Select, Switch, Table, Tag, type TableProps } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { createProgramme, listProgrammes, type ProgrammeType, type TrainingProgramme } from '../../api/skills.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { useRemoteData } from '../../components/useRemoteData.ts';
import { useErrorText, useI18n } from '../../locales/i18n.tsx';

export const PROGRAMME_TYPES: readonly ProgrammeType[] = ['order', 'directed', 'post', 'project', 'apprentice'];

interface ProgrammeForm {
  programme_no: string;
  name: string;
  type: ProgrammeType;
  provider: string;
  occupation_code: string;
  dates: [Dayjs, Dayjs];
  is_subsidised: boolean;
  usccs: string;
}

/** 培训项目: the programmes of the official's region; HRSS officials record new ones. */
export function ProgrammesTab({ canRecord }: { canRecord: boolean }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const [isOpen, setIsOpen] = useState(false);
  const [form] = Form.useForm<ProgrammeForm>();
  const list = useRemoteData(() => listProgrammes(), 'programmes');

  async function submit(values: ProgrammeForm) {
    try {
      await createProgramme({
        programme_no: values.programme_no.trim(),
        name: values.name,
        type: values.type,
        provider: values.provider,
        occupation_code: values.occupation_code.trim(),
        start_date: values.dates[0].format('YYYY-MM-DD'),
        end_date: values.dates[1].format('YYYY-MM-DD'),
        is_subsidised: values.is_subsidised,
        usccs: values.usccs.split(/[\s,，、]+/).filter(Boolean),
      });
      message.success(t('skills.programmeCreated'));
      setIsOpen(false);
      form.resetFields();
      list.reload();
    } catch (error) {
      message.error(errorText(error));
    }
  }

  const columns: TableProps<TrainingProgramme>['columns'] = [
    { title: t('skills.programmeNo'), dataIndex: 'programme_no', render: (no: string) => <code>{no}</code> },
    { title: t('skills.programmeName'), dataIndex: 'name' },
    { title: t('skills.programmeType'), dataIndex: 'type', render: (type: ProgrammeType) => t(`skills.type.${type}`) },
    { title: t('skills.provider'), dataIndex: 'provider' },
    { title: t('skills.occupation'), dataIndex: 'occupation_code' },
    { title: t('skills.period'), key: 'period', render: (_, p) => `${p.start_date} — ${p.end_date}` },
    {
      title: t('skills.subsidised'),
      dataIndex: 'is_subsidised',
      render: (is: boolean) => (is ? <Tag color="green">{t('common.yes')}</Tag> : <Tag>{t('common.no')}</Tag>),
    },
    { title: t('skills.enterpriseCount'), key: 'usccs', render: (_, p) => p.usccs.length },
    { title: t('skills.records'), dataIndex: 'records' },
  ];

  return (
    <>
      {canRecord && (
        <Button type="primary" icon={<PlusOutlined />} style={{ marginBottom: 16 }} onClick={() => setIsOpen(true)}>
          {t('skills.addProgramme')}
        </Button>
      )}
      <LoadError error={list.error} />
      <Table<TrainingProgramme>
        rowKey="programme_no"
        size="middle"
        columns={columns}
        dataSource={list.data?.items}
        loading={list.isLoading}
        scroll={{ x: 'max-content' }}
      />
      <Modal
        open={isOpen}
        title={t('skills.addProgramme')}
        onCancel={() => setIsOpen(false)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Form<ProgrammeForm>
          form={form}
          layout="vertical"
          onFinish={submit}
          initialValues={{ is_subsidised: true, type: 'order' }}
        >
          <Form.Item name="programme_no" label={t('skills.programmeNo')} rules={[{ required: true }]}>
            <Input maxLength={40} />
          </Form.Item>
          <Form.Item name="name" label={t('skills.programmeName')} rules={[{ required: true }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="type" label={t('skills.programmeType')} rules={[{ required: true }]}>
            <Select options={PROGRAMME_TYPES.map((type) => ({ value: type, label: t(`skills.type.${type}`) }))} />
          </Form.Item>
          <Form.Item name="provider" label={t('skills.provider')} rules={[{ required: true }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="occupation_code" label={t('skills.occupation')} rules={[{ required: true }]}>
            <Input placeholder="6-18-01-01" maxLength={20} />
          </Form.Item>
          <Form.Item name="dates" label={t('skills.period')} rules={[{ required: true }]}>
            <DatePicker.RangePicker />
          </Form.Item>
          <Form.Item name="is_subsidised" label={t('skills.subsidised')} valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.Item
            name="usccs"
            label={t('skills.enterprises')}
            rules={[{ required: true }]}
            extra={t('skills.enterprisesHint')}
          >
            <Input.TextArea rows={2} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
