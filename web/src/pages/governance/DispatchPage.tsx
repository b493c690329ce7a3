import { App, Button, Card, Collapse, Form, Input, InputNumber, Modal, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import {
  closeRound,
  exportRound,
  listRounds,
  openRound,
  returnRound,
  type DispatchRound,
} from '../../api/governanceRounds.ts';
import { useCurrentUser } from '../../app/auth.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { useRemoteData } from '../../components/useRemoteData.ts';
import { useErrorText, useI18n } from '../../locales/i18n.tsx';
import { saveBlob } from '../../utils/download.ts';

type Unit = DispatchRound['units'][number];

function shown(value: number | string | null | undefined, unit: string): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'string') return value;
  if (unit === '比例') return `${(value * 100).toFixed(2)}%`;
  if (unit === '分') return `${(value / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2 })} 元`;
  return value.toLocaleString('zh-CN');
}

/** 工作调度: the province opens rounds, cities return the pre-filled form, the summary prints and exports. */
export default function DispatchPage() {
  const { t } = useI18n();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const isProvince = user.role === 'province_hrss';
  const isCity = user.role === 'city_hrss';
  const rounds = useRemoteData(() => listRounds(), 'dispatch-rounds');
  const [isOpening, setIsOpening] = useState(false);
  const [returning, setReturning] = useState<DispatchRound>();
  const [values, setValues] = useState<Record<string, number | string | null>>({});
  const [form] = Form.useForm();

  async function run(action: () => Promise<unknown>) {
    try {
      await action();
      rounds.reload();
      return true;
    } catch (error) {
      message.error(errorText(error));
      return false;
    }
  }

  function startReturn(round: DispatchRound) {
    const own = round.units[0];
    setValues({ ...own?.prefill, ...own?.answers });
    setReturning(round);
  }

  const unitColumns = (round: DispatchRound) => [
    { title: t('rounds.region'), dataIndex: 'name', fixed: 'left' as const },
    {
      title: t('rounds.status'),
      render: (_: unknown, u: Unit) => (
        <Tag color={{ on_time: 'green', late: 'orange', missing: 'default', overdue: 'red' }[u.status]}>
          {u.statusLabel}
        </Tag>
      ),
    },
    ...round.items.map((item) => ({
      title: item.label,
      render: (_: unknown, u: Unit) => shown(u.answers?.[item.key] ?? u.prefill[item.key] ?? null, item.unit),
    })),
  ];

  return (
    <Card
      title={t('rounds.dispatchTitle')}
      extra={
        <Space>
          <Button onClick={() => window.print()}>{t('rounds.print')}</Button>
          {isProvince && (
            <Button type="primary" data-testid="round-new" onClick={() => setIsOpening(true)}>
              {t('rounds.newRound')}
            </Button>
          )}
        </Space>
      }
    >
      <LoadError error={rounds.error} />
      {rounds.data && (
        <Collapse
          data-testid="rounds"
          defaultActiveKey={rounds.data?.items[0] ? [String(rounds.data.items[0].id)] : undefined}
          items={(rounds.data?.items ?? []).map((round) => ({
            key: String(round.id),
            label: (
              <Space wrap>
                {round.title}
                <span>
                  {t('rounds.period')} {round.period}
                </span>
                <span>
                  {t('rounds.deadline')} {round.deadline}
                </span>
                <span>
                  {t('rounds.submitted')} {round.submitted}/{round.units.length}
                </span>
                {round.late.length > 0 && (
                  <Tag
                    color="red"
                    style={{ whiteSpace: 'normal' }}
                  >{`${t('rounds.late')}：${round.late.join('、')}`}</Tag>
                )}
              </Space>
            ),
            children: (
              <>
                <Space style={{ marginBottom: 12 }}>
                  {isCity && round.state === 'open' && (
                    <Button type="primary" data-testid={`round-return-${round.id}`} onClick={() => startReturn(round)}>
                      {t('rounds.returnForm')}
                    </Button>
                  )}
                  {user.role !== 'city_hrss' && (
                    <Button
                      data-testid={`round-export-${round.id}`}
                      onClick={() =>
                        void exportRound(round.id).then(
                          ({ blob, fileName }) => saveBlob(blob, fileName),
                          (error: unknown) => message.error(errorText(error)),
                        )
                      }
                    >
                      {t('rounds.export')}
                    </Button>
                  )}
                  {isProvince && round.state === 'open' && (
                    <Button onClick={() => void run(() => closeRound(round.id))}>{t('rounds.close')}</Button>
                  )}
                </Space>
                <Table<Unit>
                  rowKey="code"
                  size="small"
                  data-testid={`round-units-${round.id}`}
                  columns={unitColumns(round)}
                  dataSource={round.units}
                  pagination={false}
                  scroll={{ x: 'max-content' }}
                />
              </>
            ),
          }))}
        />
      )}
      <Modal
        open={isOpening}
        title={t('rounds.newRound')}
        onCancel={() => setIsOpening(false)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          initialValues={{ period: String(new Date().getFullYear()) }}
          onFinish={(v: { title: string; period: string }) =>
            void run(() => openRound({ title: v.title, period: v.period })).then((ok) => ok && setIsOpening(false))
          }
        >
          <Form.Item name="title" label={t('rounds.title')} rules={[{ required: true }]}>
            <Input data-testid="round-title" />
          </Form.Item>
          <Form.Item name="period" label={t('rounds.period')} rules={[{ required: true }]}>
            <Input placeholder="2026、2026Q4、202611" />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={returning !== undefined}
        title={returning?.title}
        width={720}
        onCancel={() => setReturning(undefined)}
        okButtonProps={{ 'data-testid': 'round-return-submit' } as Record<string, string>}
        onOk={() =>
          returning && void run(() => returnRound(returning.id, values)).then((ok) => ok && setReturning(undefined))
        }
        destroyOnHidden
      >
        {returning?.items.map((item) => (
          <div key={item.key} style={{ marginBottom: 10 }}>
            <div>
              {item.label}
              {item.indicator && returning.units[0]?.prefill[item.key] !== undefined && (
                <Tag style={{ marginLeft: 8 }}>
                  {t('rounds.prefilled')} {shown(returning.units[0]?.prefill[item.key] ?? null, item.unit)}
                </Tag>
              )}
            </div>
            {item.indicator ? (
              <InputNumber
                style={{ width: 220 }}
                value={typeof values[item.key] === 'number' ? (values[item.key] as number) : null}
                onChange={(v) => setValues({ ...values, [item.key]: v ?? null })}
              />
            ) : (
              <Input.TextArea
                rows={2}
                data-testid={`round-text-${item.key}`}
                value={typeof values[item.key] === 'string' ? (values[item.key] as string) : ''}
                onChange={(e) => setValues({ ...values, [item.key]: e.target.value })}
              />
            )}
          </div>
        ))}
      </Modal>
    </Card>
  );
}
