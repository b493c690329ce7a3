import { App, Button, Form, Input, InputNumber, Modal, Space, Table, Tag, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import {
  applyForBase,
  decideBase,
  getBaseRanking,
  listBases,
  scoreBases,
  selectDemonstration,
  type InternshipBase,
  type RankedBase,
} from '../../api/skills.ts';
import type { Role } from '../../api/types.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { useRemoteData } from '../../components/useRemoteData.ts';
import { useErrorText, useI18n } from '../../locales/i18n.tsx';
import { TraineesDrawer } from './TraineesDrawer.tsx';

/** 见习基地: applications, the city's approval, the province's scoring, ranking and demonstration selection. */
export function BasesTab({ role }: { role: Role }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const bases = useRemoteData(() => listBases(), 'bases');
  const ranking = useRemoteData(
    () => (role === 'enterprise' ? Promise.resolve(undefined) : getBaseRanking()),
    'ranking',
  );
  const [isApplying, setIsApplying] = useState(false);
  const [traineesOf, setTraineesOf] = useState<InternshipBase>();
  const [form] = Form.useForm<{ uscc?: string; posts: number; mentors: number; note?: string }>();
  const isProvince = role === 'province_hrss';
  const canDecide = role === 'city_hrss' || isProvince;

  async function act(work: () => Promise<unknown>, done: string) {
    try {
      await work();
      message.success(done);
      bases.reload();
      ranking.reload();
    } catch (error) {
      message.error(errorText(error));
    }
  }

  const baseColumns: TableProps<InternshipBase>['columns'] = [
    { title: t('skills.enterprise'), dataIndex: 'name' },
    { title: t('skills.posts'), dataIndex: 'posts' },
    { title: t('skills.mentors'), dataIndex: 'mentors' },
    { title: t('skills.trainees'), dataIndex: 'trainees' },
    {
      title: t('skills.baseStatus'),
      key: 'status',
      render: (_, b) => (
        <Space size={4}>
          <Tag color={b.status === 'approved' ? 'green' : b.status === 'rejected' ? 'red' : 'gold'}>
            {t(`skills.status.${b.status}`)}
          </Tag>
          {b.level && <Tag>{t(`skills.level.${b.level}`)}</Tag>}
          {b.is_demonstration && <Tag color="blue">{t('skills.demonstration')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_: unknown, b: InternshipBase) =>
        b.status === 'approved' ? (
          <Button type="link" size="small" onClick={() => setTraineesOf(b)}>
            {t('skills.viewTrainees')}
          </Button>
        ) : (
          canDecide &&
          b.status === 'applied' && (
            <Space size={0}>
              <Button
                type="link"
                size="small"
                onClick={() => act(() => decideBase(b.uscc, 'approve'), t('skills.approved'))}
              >
                {t('skills.approve')}
              </Button>
              <Button
                type="link"
                danger
                size="small"
                onClick={() => act(() => decideBase(b.uscc, 'reject'), t('skills.rejected'))}
              >
                {t('skills.reject')}
              </Button>
            </Space>
          )
        ),
    },
  ];

  const rankColumns: TableProps<RankedBase>['columns'] = [
    { title: t('skills.rank'), dataIndex: 'rank' },
    { title: t('skills.enterprise'), dataIndex: 'name' },
    { title: t('skills.score'), dataIndex: 'score', render: (score: number) => score.toFixed(2) },
    {
      title: t('skills.components'),
      key: 'components',
      render: (_, r) => r.components.map((c) => `${c.label} ${c.points.toFixed(1)}`).join('；'),
    },
    {
      title: t('skills.demonstration'),
      key: 'demo',
      render: (_, r) =>
        r.is_demonstration ? (
          <Tag color="blue">{t('skills.demonstration')}</Tag>
        ) : (
          isProvince && (
            <Button size="small" onClick={() => act(() => selectDemonstration(r.uscc), t('skills.selected'))}>
              {t('skills.select')}
            </Button>
          )
        ),
    },
  ];

  return (
    <>
      <LoadError error={bases.error ?? ranking.error} />
      {(role === 'enterprise' || role === 'city_hrss') && (
        <Button type="primary" style={{ marginBottom: 16 }} onClick={() => setIsApplying(true)}>
          {t('skills.applyBase')}
        </Button>
      )}
      <Table<InternshipBase>
        rowKey="uscc"
        size="middle"
        columns={baseColumns}
        dataSource={bases.data?.items}
        loading={bases.isLoading}
        pagination={{ pageSize: 20 }}
      />
      {role !== 'enterprise' && (
        <>
          <Typography.Title level={5} style={{ marginTop: 24 }}>
            {t('skills.tabRanking')}
            {ranking.data?.run && (
              <Typography.Text type="secondary" style={{ marginLeft: 12, fontWeight: 'normal' }}>
                {t('skills.formulaVersion', { version: ranking.data.run.formula_version })}
              </Typography.Text>
            )}
          </Typography.Title>
          {isProvince && (
            <Button style={{ marginBottom: 16 }} onClick={() => act(() => scoreBases(), t('skills.scored'))}>
              {t('skills.score')}
            </Button>
          )}
          <Table<RankedBase>
            rowKey="uscc"
            size="middle"
            columns={rankColumns}
            dataSource={ranking.data?.items}
            loading={ranking.isLoading}
            pagination={{ pageSize: 20 }}
          />
        </>
      )}
      {traineesOf && <TraineesDrawer base={traineesOf} onClose={() => setTraineesOf(undefined)} />}
      <Modal
        open={isApplying}
        title={t('skills.applyBase')}
        onCancel={() => setIsApplying(false)}
        onOk={() => form.submit()}
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={(values) => act(() => applyForBase(values), t('skills.applied')).then(() => setIsApplying(false))}
        >
          {role !== 'enterprise' && (
            <Form.Item name="uscc" label={t('skills.usccLabel')} rules={[{ required: true }]}>
              <Input maxLength={18} />
            </Form.Item>
          )}
          <Form.Item name="posts" label={t('skills.posts')} rules={[{ required: true }]}>
            <InputNumber min={1} max={10000} />
          </Form.Item>
          <Form.Item name="mentors" label={t('skills.mentors')} rules={[{ required: true }]}>
            <InputNumber min={1} max={1000} />
          </Form.Item>
          <Form.Item name="note" label={t('skills.note')}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
