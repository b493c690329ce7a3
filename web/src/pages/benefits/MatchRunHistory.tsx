import { Button, Card, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { BENEFIT_POLICIES, listMatchRuns, type MatchRun, type MatchRunQuery } from '../../api/benefits.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { useRemoteData } from '../../components/useRemoteData.ts';
import { formatDateTime, formatDuration } from '../../utils/format.ts';
import { useBenefitsText } from './benefitsText.ts';

export const RUN_STATUS_COLORS: Record<string, string> = {
  running: 'processing',
  completed: 'success',
  failed: 'error',
  interrupted: 'warning',
};

/** How a run's state reads: a run taken over after its process died (failed in phase `interrupted`) is 中断. */
export function runStatusOf(
  run: Pick<MatchRun, 'status' | 'phase'>,
): 'running' | 'completed' | 'failed' | 'interrupted' | string {
  return run.status === 'failed' && run.phase === 'interrupted' ? 'interrupted' : run.status;
}

const KNOWN_STATUSES = new Set(['running', 'completed', 'failed', 'interrupted']);

/** The run's state as a coloured tag; an interrupted run says why when pointed at. */
export function RunStatusTag({ run, testId }: { run: MatchRun; testId?: string }) {
  const { bt } = useBenefitsText();
  const status = runStatusOf(run);
  const label = KNOWN_STATUSES.has(status)
    ? bt(`benefits.runs.status.${status as 'running' | 'completed' | 'failed' | 'interrupted'}`)
    : status;
  return (
    <Tag
      color={RUN_STATUS_COLORS[status] ?? 'default'}
      data-testid={testId}
      data-status={status}
      title={status === 'interrupted' ? (run.error ?? undefined) : undefined}
    >
      {label}
    </Tag>
  );
}

interface MatchRunHistoryProps {
  /** Changes whenever the panel's own run starts or ends, so the list shows it. */
  refreshKey: string;
  onOpen: (run: MatchRun) => void;
  onShowCases: (runId: number) => void;
}

/** 历史匹配批次: earlier runs, newest first, by policy; a row opens the run's figures above. */
export function MatchRunHistory({ refreshKey, onOpen, onShowCases }: MatchRunHistoryProps) {
  const { bt, policyName } = useBenefitsText();
  const [query, setQuery] = useState<MatchRunQuery>({ page: 1, pageSize: 10 });
  const runs = useRemoteData(() => listMatchRuns(query), `${JSON.stringify(query)}|${refreshKey}`);
  return (
    <Card
      title={bt('benefits.runs.history')}
      size="small"
      extra={
        <Select
          aria-label={bt('benefits.policy')}
          style={{ width: 200 }}
          allowClear
          placeholder={bt('benefits.all')}
          value={query.policy}
          onChange={(policy?: string) => setQuery((current) => ({ ...current, policy, page: 1 }))}
          options={BENEFIT_POLICIES.map((code) => ({ value: code, label: policyName(code) }))}
        />
      }
    >
      <LoadError error={runs.error} />
      <Table<MatchRun>
        data-testid="match-run-history"
        rowKey="id"
        size="small"
        loading={runs.isLoading}
        dataSource={runs.data?.items}
        locale={{ emptyText: bt('benefits.runs.historyEmpty') }}
        pagination={{
          current: runs.data?.page ?? query.page,
          pageSize: runs.data?.pageSize ?? query.pageSize,
          total: runs.data?.total ?? 0,
          onChange: (page, pageSize) => setQuery((current) => ({ ...current, page, pageSize })),
        }}
        columns={[
          { title: bt('benefits.runs.number'), dataIndex: 'id' },
          { title: bt('benefits.policy'), dataIndex: 'policy', render: (code: string) => policyName(code) },
          { title: bt('benefits.period'), dataIndex: 'period' },
          { title: bt('benefits.runs.status'), key: 'status', render: (_, run) => <RunStatusTag run={run} /> },
          {
            title: bt('benefits.runs.candidates'),
            key: 'candidates',
            align: 'right',
            render: (_, run) => run.summary?.candidates ?? '—',
          },
          {
            title: bt('benefits.runs.new'),
            key: 'new',
            align: 'right',
            render: (_, run) => run.summary?.candidates_new ?? '—',
          },
          {
            title: bt('benefits.runs.timings'),
            key: 'timings',
            render: (_, run) => {
              const timings = run.summary?.timings_ms;
              return timings
                ? bt('benefits.runs.timingsValue', {
                    sql: formatDuration(timings.sql),
                    evaluate: formatDuration(timings.evaluate),
                    write: formatDuration(timings.write),
                  })
                : '—';
            },
          },
          { title: bt('benefits.runs.startedAt'), dataIndex: 'started_at', render: (at: string) => formatDateTime(at) },
          {
            title: bt('benefits.runs.finishedAt'),
            dataIndex: 'finished_at',
            render: (at: string | null) => formatDateTime(at),
          },
          {
            title: '',
            key: 'actions',
            render: (_, run) => (
              <Space size="small">
                <Button size="small" onClick={() => onOpen(run)}>
                  {bt('benefits.open')}
                </Button>
                {run.status === 'completed' && (
                  <Button size="small" onClick={() => onShowCases(run.id)}>
                    {bt('benefits.runs.showCases')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}
