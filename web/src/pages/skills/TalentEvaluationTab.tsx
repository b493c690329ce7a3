import {
  App,
  Button,
  DatePicker,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  type TableProps,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import {
  getTalentEvaluation,
  listSelfEvaluation,
  registerSelfEvaluation,
  type SelfEvaluationEnterprise,
  type TalentEvaluation,
} from '../../api/skills.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { useRemoteData } from '../../components/useRemoteData.ts';
import { useErrorText, useI18n } from '../../locales/i18n.tsx';
import { IssuedCertificates } from './IssuedCertificates.tsx';

type SkillLevelRow = TalentEvaluation['skill_levels'][number];
interface SelfEvaluationForm {
  uscc: string;
  occupation_codes: string[];
  approval_no: string;
  approved_on: Dayjs;
  valid_until?: Dayjs;
}

/** 人才评价: skill levels ↔ titles with their sources, and the enterprises piloting self-evaluation. */
export function TalentEvaluationTab({ canRecord }: { canRecord: boolean }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const table = useRemoteData(getTalentEvaluation, 'talent-evaluation');
  const enterprises = useRemoteData(listSelfEvaluation, 'self-evaluation');
  const [isAdding, setIsAdding] = useState(false);
  const [form] = Form.useForm<SelfEvaluationForm>();

  const levelColumns: TableProps<SkillLevelRow>['columns'] = [
    { title: t('skills.skillLevel'), key: 'name', render: (_, l) => `${l.grade} / ${l.name}` },
    {
      title: t('skills.highSkill'),
      dataIndex: 'is_high_skill',
      render: (is: boolean) => (is ? <Tag color="blue">{t('skills.highSkill')}</Tag> : t('common.none')),
    },
    {
      title: t('skills.equivalentTitle'),
      dataIndex: 'equivalent_title',
      render: (v: string | null) => v ?? t('common.none'),
    },
  ];
  const enterpriseColumns: TableProps<SelfEvaluationEnterprise>['columns'] = [
    { title: t('skills.enterprise'), dataIndex: 'name' },
    { title: t('skills.selfEvaluationOccupations'), key: 'codes', render: (_, e) => e.occupation_codes.join('、') },
    { title: t('skills.approvalNo'), dataIndex: 'approval_no' },
    { title: t('skills.approvedOn'), dataIndex: 'approved_on' },
    { title: t('skills.validUntil'), dataIndex: 'valid_until', render: (v: string | null) => v ?? t('common.none') },
    { title: t('skills.issuedTotal'), dataIndex: 'issued_total', align: 'right' },
  ];

  async function save({ valid_until, ...values }: SelfEvaluationForm) {
    try {
      await registerSelfEvaluation({
        ...values,
        approved_on: values.approved_on.format('YYYY-MM-DD'),
        ...(valid_until ? { valid_until: valid_until.format('YYYY-MM-DD') } : {}),
      });
      message.success(t('skills.selfEvaluationSaved'));
      setIsAdding(false);
      form.resetFields();
      enterprises.reload();
    } catch (error) {
      message.error(errorText(error));
    }
  }

  return (
    <>
      <LoadError error={table.error ?? enterprises.error} />
      <Typography.Title level={5}>{t('skills.correspondence')}</Typography.Title>
      <Table<SkillLevelRow>
        rowKey="level"
        size="small"
        pagination={false}
        columns={levelColumns}
        dataSource={table.data?.skill_levels}
        loading={table.isLoading}
        aria-label={t('skills.correspondence')}
      />
      {table.data && (
        <Space direction="vertical" size={4} style={{ margin: '12px 0 24px' }}>
          <Typography.Text>
            {t('skills.digitalEngineerRule', {
              rules: table.data.digital_engineer_levels
                .map(
                  (l) =>
                    `${l.name}：${l.equivalent_title ? `${l.equivalent_title}（${l.recognition}）` : l.recognition}`,
                )
                .join('；'),
            })}
          </Typography.Text>
          <Typography.Text type="secondary">
            {t('skills.seniorRule', { titles: table.data.senior_titles.join('、') })}
          </Typography.Text>
          {table.data.sources.map((s) => (
            <Typography.Text key={s.doc} type="secondary">
              {t('skills.basis')}：{s.doc}
              {s.number ? `（${s.number}）` : ''}——{s.clause}
            </Typography.Text>
          ))}
        </Space>
      )}
      <Typography.Title level={5}>{t('skills.selfEvaluation')}</Typography.Title>
      {canRecord && (
        <Button style={{ marginBottom: 12 }} onClick={() => setIsAdding(true)}>
          {t('skills.addSelfEvaluation')}
        </Button>
      )}
      <Table<SelfEvaluationEnterprise>
        rowKey="uscc"
        size="middle"
        columns={enterpriseColumns}
        dataSource={enterprises.data?.items}
        loading={enterprises.isLoading}
        pagination={{ pageSize: 20 }}
        scroll={{ x: 'max-content' }}
        expandable={{
          rowExpandable: (e) => e.issued_total > 0,
          expandedRowRender: (e) => (
            <IssuedCertificates rows={e.issued} label={t('skills.issuedBy', { name: e.name })} />
          ),
        }}
        aria-label={t('skills.selfEvaluation')}
      />
      <Modal
        open={isAdding}
        title={t('skills.addSelfEvaluation')}
        onCancel={() => setIsAdding(false)}
        onOk={() => form.submit()}
      >
        <Form form={form} layout="vertical" onFinish={save}>
          <Form.Item name="uscc" label={t('skills.usccLabel')} rules={[{ required: true, len: 18 }]}>
            <Input maxLength={18} />
          </Form.Item>
          <Form.Item
            name="occupation_codes"
            label={t('skills.selfEvaluationOccupations')}
            rules={[{ required: true }]}
            extra={t('skills.occupationCodesHint')}
          >
            <Select mode="tags" tokenSeparators={[',', '，', '、', ' ']} open={false} />
          </Form.Item>
          <Form.Item name="approval_no" label={t('skills.approvalNo')} rules={[{ required: true, whitespace: true }]}>
            <Input maxLength={60} />
          </Form.Item>
          <Form.Item name="approved_on" label={t('skills.approvedOn')} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="valid_until" label={t('skills.validUntil')}>
            <DatePicker />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
