import { formatDateTime } from '../../utils/format.ts';
import { App, Button, Card, Input, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import {
  changeWeights,
  computeAssessment,
  exportAssessment,
  listAssessments,
  listWeights,
  type Assessment,
} from '../../api/governanceRounds.ts';
import { useCurrentUser } from '../../app/auth.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { useRemoteData } from '../../components/useRemoteData.ts';
import { useErrorText, useI18n } from '../../locales/i18n.tsx';
import { saveBlob } from '../../utils/download.ts';

/** 年度考核: indicators with versioned weights, computed scores and ranks with the figures behind them. */
export default function AssessmentPage() {
  const { t } = useI18n();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const isProvince = useCurrentUser().role === 'province_hrss';
  const weights = useRemoteData(() => listWeights(), 'assessment-weights');
  const assessments = useRemoteData(() => listAssessments(), 'assessments');
  const [edited, setEdited] = useState<Record<string, number>>({});
  const [note, setNote] = useState('');
  const [year, setYear] = useState(new Date().getFullYear());
  const [selected, setSelected] = useState<number>();
  const current = weights.data?.items[0];
  const shown: Assessment | undefined =
    assessments.data?.items.find((a) => a.id === selected) ?? assessments.data?.items[0];

  async function run(action: () => Promise<unknown>) {
    try {
      await action();
      weights.reload();
      assessments.reload();
      setSelected(undefined);
    } catch (error) {
      message.error(errorText(error));
    }
  }

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card
        title={`${t('rounds.weights')}${current ? `（${t('rounds.version', { version: current.version })}）` : ''}`}
        extra={
          isProvince &&
          current && (
            <Space>
              <Input placeholder="说明" value={note} onChange={(e) => setNote(e.target.value)} style={{ width: 200 }} />
              <Button
                data-testid="weights-save"
                onClick={() =>
                  void run(() =>
                    changeWeights(
                      Object.fromEntries(current.indicators.map((i) => [i.key, edited[i.key] ?? i.weight])),
                      note,
                    ),
                  ).then(() => setEdited({}))
                }
              >
                {t('rounds.saveWeights')}
              </Button>
            </Space>
          )
        }
      >
        <LoadError error={weights.error} />
        <Table
          rowKey="key"
          size="small"
          pagination={false}
          dataSource={current?.indicators}
          columns={[
            { title: t('rounds.title'), dataIndex: 'label' },
            {
              title: t('rounds.weight'),
              render: (_: unknown, i: { key: string; weight: number }) =>
                isProvince ? (
                  <InputNumber
                    min={0}
                    max={100}
                    data-testid={`weight-${i.key}`}
                    value={edited[i.key] ?? i.weight}
                    onChange={(v) => setEdited({ ...edited, [i.key]: v ?? 0 })}
                  />
                ) : (
                  i.weight
                ),
            },
            { title: '依据', dataIndex: 'source' },
          ]}
        />
      </Card>
      <Card title={t('rounds.results')}>
        {/* The controls above the results, not in the card's header: they wrap on a phone. */}
        <div style={{ marginBottom: 12 }}>
          <Space wrap>
            {isProvince && (
              <>
                <InputNumber min={2023} max={2100} value={year} onChange={(v) => v && setYear(v)} />
                <Button
                  type="primary"
                  data-testid="assessment-compute"
                  onClick={() => void run(() => computeAssessment(year))}
                >
                  {t('rounds.compute')}
                </Button>
              </>
            )}
            <Select
              style={{ width: 260, maxWidth: '100%' }}
              value={shown?.id}
              onChange={setSelected}
              options={(assessments.data?.items ?? []).map((a) => ({
                value: a.id,
                label: `${a.year} · ${t('rounds.version', { version: a.weightsVersion })} · ${formatDateTime(a.computedAt)}`,
              }))}
            />
            {shown && (
              <Button
                onClick={() =>
                  void exportAssessment(shown.id).then(
                    ({ blob, fileName }) => saveBlob(blob, fileName),
                    (error: unknown) => message.error(errorText(error)),
                  )
                }
              >
                {t('rounds.export')}
              </Button>
            )}
          </Space>
        </div>
        {shown && (
          <Tag data-testid="assessment-version" style={{ marginBottom: 8 }}>
            {t('rounds.weightsUsed')}：{t('rounds.version', { version: shown.weightsVersion })}
          </Tag>
        )}
        <Table<Assessment['rows'][number]>
          rowKey="code"
          size="small"
          data-testid="assessment-table"
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={shown?.rows}
          columns={[
            { title: t('rounds.rank'), dataIndex: 'rank' },
            { title: t('rounds.region'), dataIndex: 'name' },
            { title: t('rounds.total'), dataIndex: 'total' },
            ...(shown?.indicators ?? []).map((i) => ({
              title: `${i.label}（${i.weight}）`,
              render: (_: unknown, r: Assessment['rows'][number]) => (
                <Space direction="vertical" size={0}>
                  <span>{`${r.scores[i.key] ?? 0}（${r.figures[i.key] ?? '—'}）`}</span>
                  {r.basis?.[i.key] && <Typography.Text type="secondary">{r.basis[i.key]}</Typography.Text>}
                </Space>
              ),
            })),
          ]}
        />
      </Card>
    </Space>
  );
}
