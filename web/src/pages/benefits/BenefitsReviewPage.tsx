import { Alert, Button, Card, Space, Typography } from 'antd';
import { useState, type Key } from 'react';
import { bulkApproveCases, listCases, previewBulkApprove, type CaseQuery } from '../../api/benefits.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { useRemoteData } from '../../components/useRemoteData.ts';
import { useBenefitsText } from './benefitsText.ts';
import { CaseFilters } from './CaseFilters.tsx';
import { CaseTable } from './CaseTable.tsx';
import { ConfirmMoneyModal } from './ConfirmMoneyModal.tsx';
import { OverdueTable } from './OverdueTable.tsx';
import { ResolveObjectionCard } from './ResolveObjectionCard.tsx';

/**
 * 补贴审核 (/benefits/review): the city's cases with the working-day review clock, approve / reject /
 * return on each case's page, bulk approval of a 免申 match run (after a preview of the cases,
 * total and masked accounts, with one opinion), and objections to resolve.
 */
export default function BenefitsReviewPage() {
  const { bt } = useBenefitsText();
  const [query, setQuery] = useState<CaseQuery>({ page: 1, pageSize: 50, state: 'confirmed' });
  const cases = useRemoteData(() => listCases(query), JSON.stringify(query));
  const [selected, setSelected] = useState<Key[]>([]);
  const [result, setResult] = useState<{ type: 'success' | 'error'; text: string }>();
  const [isConfirming, setIsConfirming] = useState(false);

  const filter = (change: Partial<CaseQuery>) => {
    setSelected([]);
    setQuery((current) => ({ ...current, ...change, page: 1 }));
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card title={bt('benefits.review.title')}>
        <CaseFilters query={query} onChange={filter} showRegion={false} />
        <Space style={{ marginBottom: 12 }}>
          <Button
            type="primary"
            disabled={selected.length === 0}
            onClick={() => {
              setResult(undefined);
              setIsConfirming(true);
            }}
          >
            {bt('benefits.review.bulkApprove', { count: selected.length })}
          </Button>
          <Typography.Text type="secondary">{bt('benefits.review.selectHint')}</Typography.Text>
        </Space>
        {result && (
          <Alert
            type={result.type}
            showIcon
            role={result.type === 'error' ? 'alert' : 'status'}
            title={result.text}
            style={{ marginBottom: 12 }}
          />
        )}
        <LoadError error={cases.error} />
        <div data-testid="benefit-cases">
          <CaseTable
            page={cases.data}
            isLoading={cases.isLoading}
            showEnterprise
            onPage={(page, pageSize) => setQuery((current) => ({ ...current, page, pageSize }))}
            selection={{ keys: selected, onChange: setSelected, isSelectable: (item) => item.state === 'confirmed' }}
          />
        </div>
      </Card>
      <ConfirmMoneyModal
        title={bt('benefits.money.bulkTitle', { count: selected.length })}
        okText={bt('benefits.money.approveOk')}
        open={isConfirming}
        needsOpinion
        loadPreview={() => previewBulkApprove(selected.map(Number))}
        onClose={() => setIsConfirming(false)}
        onConfirm={async (preview, opinion, key) => {
          const answer = await bulkApproveCases(selected.map(Number), { opinion, preview_token: preview.token }, key);
          setResult({
            type: 'success',
            text: bt('benefits.review.bulkDone', {
              approved: answer.approved,
              skipped: answer.results.filter((row) => row.skipped).length,
            }),
          });
          setSelected([]);
          cases.reload();
        }}
      />
      <OverdueTable />
      <ResolveObjectionCard onResolved={cases.reload} />
    </Space>
  );
}
