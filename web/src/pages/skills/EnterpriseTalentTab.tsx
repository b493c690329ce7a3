import {
  App,
  Button,
  DatePicker,
  Form,
  Input,
  InputNumber,
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
  addTalentRecord,
  getEnterpriseTalent,
  setTalentRecordStatus,
  type EnterpriseTalent,
  type TalentRecord,
} from '../../api/skills.ts';
import { Chart } from '../../components/Chart.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { Money } from '../../components/Money.tsx';
import { useRemoteData } from '../../components/useRemoteData.ts';
import { useErrorText, useI18n } from '../../locales/i18n.tsx';
import { IssuedCertificates } from './IssuedCertificates.tsx';

type YearRow = EnterpriseTalent['years'][number];
interface RecordForm {
  kind: TalentRecord['kind'];
  title: string;
  field: string;
  level?: string;
  approved_on?: Dayjs;
  reward_yuan?: number;
  deadline?: Dayjs;
  note?: string;
}

/**
 * 人才情况 on an enterprise's page: its people's training, internships, certificates and titles by
 * year (counts only, no names), skill levels with their equivalent titles, and its postdoctoral
 * stations and 揭榜领题 challenges.
 */
export function EnterpriseTalentTab({ uscc, canEdit }: { uscc: string; canEdit: boolean }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const talent = useRemoteData(() => getEnterpriseTalent(uscc), `talent-${uscc}`);
  const [isAdding, setIsAdding] = useState(false);
  const [form] = Form.useForm<RecordForm>();
  const kind = Form.useWatch('kind', form);

  async function act(work: () => Promise<unknown>, done: string) {
    try {
      await work();
      message.success(done);
      talent.reload();
      return true;
    } catch (error) {
      message.error(errorText(error));
      return false;
    }
  }

  async function save(values: RecordForm) {
    const saved = await act(
      () =>
        addTalentRecord(uscc, {
          kind: values.kind,
          title: values.title,
          field: values.field,
          ...(values.level ? { level: values.level } : {}),
          ...(values.approved_on ? { approved_on: values.approved_on.format('YYYY-MM-DD') } : {}),
          ...(values.reward_yuan !== undefined ? { reward_yuan: values.reward_yuan } : {}),
          ...(values.deadline ? { deadline: values.deadline.format('YYYY-MM-DD') } : {}),
          ...(values.note ? { note: values.note } : {}),
        }),
      t('skills.talentRecordSaved'),
    );
    if (saved) {
      setIsAdding(false);
      form.resetFields();
    }
  }

  const yearColumns: TableProps<YearRow>['columns'] = [
    { title: t('skills.year'), dataIndex: 'year', fixed: 'left' },
    { title: t('skills.trainingCount'), dataIndex: 'training' },
    { title: t('skills.traineeCount'), dataIndex: 'trainees' },
    { title: t('skills.skillCertificates'), dataIndex: 'skill_certificates' },
    { title: t('skills.highSkillCertificates'), dataIndex: 'high_skill_certificates' },
    { title: t('skills.titles'), dataIndex: 'titles' },
    { title: t('skills.seniorTitles'), dataIndex: 'senior_titles' },
    { title: t('skills.digitalEngineers'), dataIndex: 'digital_engineers' },
  ];
  const recordColumns: TableProps<TalentRecord>['columns'] = [
    { title: t('skills.recordKind'), dataIndex: 'kind', render: (k: TalentRecord['kind']) => t(`skills.kind.${k}`) },
    { title: t('skills.recordTitle'), dataIndex: 'title' },
    { title: t('skills.recordField'), dataIndex: 'field' },
    {
      title: t('skills.recordDetail'),
      key: 'detail',
      render: (_, r) =>
        r.kind === 'postdoc_station' ? (
          [r.level, r.approved_on].filter(Boolean).join(' · ')
        ) : (
          <Space size={4}>
            {r.reward !== null && <Money fen={Math.round(r.reward * 100)} />}
            {r.deadline && <span>{t('skills.deadlineOn', { date: r.deadline })}</span>}
          </Space>
        ),
    },
    {
      title: t('skills.recordStatus'),
      dataIndex: 'status',
      render: (s: TalentRecord['status']) => (
        <Tag color={s === 'closed' ? 'default' : s === 'solved' ? 'green' : 'blue'}>
          {t(`skills.recordStatus.${s}`)}
        </Tag>
      ),
    },
    ...(canEdit
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_: unknown, r: TalentRecord) =>
              r.status === 'open' ? (
                <Space size={0}>
                  <Button
                    type="link"
                    size="small"
                    onClick={() => act(() => setTalentRecordStatus(uscc, r.id, 'solved'), t('skills.markedSolved'))}
                  >
                    {t('skills.markSolved')}
                  </Button>
                  <Button
                    type="link"
                    size="small"
                    onClick={() => act(() => setTalentRecordStatus(uscc, r.id, 'closed'), t('skills.markedClosed'))}
                  >
                    {t('skills.markClosed')}
                  </Button>
                </Space>
              ) : r.status === 'active' ? (
                <Button
                  type="link"
                  size="small"
                  onClick={() => act(() => setTalentRecordStatus(uscc, r.id, 'closed'), t('skills.markedClosed'))}
                >
                  {t('skills.markWithdrawn')}
                </Button>
              ) : null,
          },
        ]
      : []),
  ];
  // The last ten years with any record: the trend a reader compares, not every certificate since 1990.
  const years = (talent.data?.years ?? []).slice(-10);

  return (
    <>
      <LoadError error={talent.error} />
      <Typography.Paragraph type="secondary">{t('skills.talentCountsHint')}</Typography.Paragraph>
      {years.length > 0 && (
        <Chart
          height={260}
          ariaLabel={t('skills.talentTrend')}
          option={{
            tooltip: { trigger: 'axis' },
            legend: { top: 0 },
            grid: { left: 40, right: 16, top: 36, bottom: 24 },
            xAxis: { type: 'category', data: years.map((y) => y.year) },
            yAxis: { type: 'value', minInterval: 1 },
            series: [
              { name: t('skills.trainingCount'), type: 'bar', data: years.map((y) => y.training) },
              { name: t('skills.traineeCount'), type: 'bar', data: years.map((y) => y.trainees) },
              { name: t('skills.skillCertificates'), type: 'line', data: years.map((y) => y.skill_certificates) },
              { name: t('skills.titles'), type: 'line', data: years.map((y) => y.titles) },
            ],
          }}
        />
      )}
      <Table<YearRow>
        rowKey="year"
        size="small"
        columns={yearColumns}
        dataSource={years}
        loading={talent.isLoading}
        pagination={false}
        scroll={{ x: 'max-content' }}
        aria-label={t('skills.talentTrend')}
      />
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t('skills.skillLevelCounts')}
      </Typography.Title>
      <Space wrap style={{ marginBottom: 24 }}>
        {talent.data?.skill_levels.map((l) => (
          <Tag key={l.name}>
            {l.name} {l.count}
            {l.equivalent_title ? `（${t('skills.equivalentTo', { title: l.equivalent_title })}）` : ''}
          </Tag>
        ))}
      </Space>
      {talent.data && talent.data.self_issued.length > 0 && (
        <>
          <Typography.Title level={5}>{t('skills.selfIssued')}</Typography.Title>
          <div style={{ marginBottom: 24 }}>
            <IssuedCertificates rows={talent.data.self_issued} label={t('skills.selfIssued')} />
          </div>
        </>
      )}
      <Typography.Title level={5}>{t('skills.talentRecords')}</Typography.Title>
      {canEdit && (
        <Button style={{ marginBottom: 12 }} onClick={() => setIsAdding(true)}>
          {t('skills.addTalentRecord')}
        </Button>
      )}
      <Table<TalentRecord>
        rowKey="id"
        size="middle"
        columns={recordColumns}
        dataSource={talent.data?.records}
        loading={talent.isLoading}
        pagination={{ pageSize: 10 }}
        scroll={{ x: 'max-content' }}
        aria-label={t('skills.talentRecords')}
      />
      <Modal
        open={isAdding}
        title={t('skills.addTalentRecord')}
        onCancel={() => setIsAdding(false)}
        onOk={() => form.submit()}
      >
        <Form<RecordForm> form={form} layout="vertical" initialValues={{ kind: 'challenge' }} onFinish={save}>
          <Form.Item name="kind" label={t('skills.recordKind')} rules={[{ required: true }]}>
            <Select
              options={[
                { value: 'challenge', label: t('skills.kind.challenge') },
                { value: 'postdoc_station', label: t('skills.kind.postdoc_station') },
              ]}
            />
          </Form.Item>
          <Form.Item name="title" label={t('skills.recordTitle')} rules={[{ required: true, whitespace: true }]}>
            <Input maxLength={120} />
          </Form.Item>
          <Form.Item name="field" label={t('skills.recordField')} rules={[{ required: true, whitespace: true }]}>
            <Input maxLength={60} />
          </Form.Item>
          {kind === 'postdoc_station' ? (
            <>
              <Form.Item name="level" label={t('skills.stationLevel')}>
                <Select options={['国家级', '省级'].map((v) => ({ value: v, label: v }))} />
              </Form.Item>
              <Form.Item name="approved_on" label={t('skills.stationApprovedOn')} rules={[{ required: true }]}>
                <DatePicker />
              </Form.Item>
            </>
          ) : (
            <>
              <Form.Item name="reward_yuan" label={t('skills.reward')}>
                <InputNumber min={0} precision={2} style={{ width: 200 }} />
              </Form.Item>
              <Form.Item name="deadline" label={t('skills.deadline')}>
                <DatePicker />
              </Form.Item>
            </>
          )}
          <Form.Item name="note" label={t('skills.note')}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
