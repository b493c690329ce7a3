import { Card, Tabs } from 'antd';
import { useState } from 'react';
import { listCases, type CaseQuery } from '../../api/benefits.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { useRemoteData } from '../../components/useRemoteData.ts';
import { useBenefitsText } from './benefitsText.ts';
import { CaseFilters } from './CaseFilters.tsx';
import { CaseTable } from './CaseTable.tsx';
import { LedgerPanel } from './LedgerPanel.tsx';
import { MatchRunPanel } from './MatchRunPanel.tsx';
import { OutboxPanel } from './OutboxPanel.tsx';
import { OverdueTable } from './OverdueTable.tsx';
import { PaymentsPanel } from './PaymentsPanel.tsx';
import { ResolveObjectionCard } from './ResolveObjectionCard.tsx';

/** The province's cases, filtered; a run's “show cases” lands here with the run filter set. */
function ProvinceCases({ query, onQuery }: { query: CaseQuery; onQuery: (query: CaseQuery) => void }) {
  const cases = useRemoteData(() => listCases(query), JSON.stringify(query));
  return (
    <>
      <CaseFilters query={query} onChange={(change) => onQuery({ ...query, ...change, page: 1 })} showRegion />
      <LoadError error={cases.error} />
      <div data-testid="benefit-cases">
        <CaseTable
          page={cases.data}
          isLoading={cases.isLoading}
          showEnterprise
          onPage={(page, pageSize) => onQuery({ ...query, page, pageSize })}
        />
      </div>
    </>
  );
}

/**
 * 免申即享批次 (/benefits/runs), the province's desk: start a match run and follow it, the cases,
 * overdue reviews by city, payment instructions (直补快办) and the ledger's reconciliation.
 */
export default function BenefitRunsPage() {
  const { bt } = useBenefitsText();
  const [tab, setTab] = useState('run');
  const [query, setQuery] = useState<CaseQuery>({ page: 1, pageSize: 20 });
  return (
    <Card title={bt('benefits.runs.title')}>
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          {
            key: 'run',
            label: bt('benefits.runs.tab.run'),
            children: (
              <MatchRunPanel
                onShowCases={(run) => {
                  setQuery({ page: 1, pageSize: 20, run });
                  setTab('cases');
                }}
              />
            ),
          },
          {
            key: 'cases',
            label: bt('benefits.runs.tab.cases'),
            children: <ProvinceCases query={query} onQuery={setQuery} />,
          },
          {
            key: 'overdue',
            label: bt('benefits.runs.tab.overdue'),
            children: (
              <>
                <OverdueTable />
                <div style={{ marginTop: 16 }}>
                  <ResolveObjectionCard />
                </div>
              </>
            ),
          },
          { key: 'payments', label: bt('benefits.runs.tab.payments'), children: <PaymentsPanel /> },
          { key: 'ledger', label: bt('benefits.runs.tab.ledger'), children: <LedgerPanel /> },
          { key: 'outbox', label: bt('benefits.runs.tab.outbox'), children: <OutboxPanel /> },
        ]}
      />
    </Card>
  );
}
