import { Alert, Card } from 'antd';
import { useState } from 'react';
import { listCases, type CaseQuery } from '../../api/benefits.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { useRemoteData } from '../../components/useRemoteData.ts';
import { useBenefitsText } from './benefitsText.ts';
import { CaseTable } from './CaseTable.tsx';

/** 我的补贴 (/benefits/mine): the enterprise's own cases, from match to money. */
export default function MyBenefitsPage() {
  const { bt } = useBenefitsText();
  const [query, setQuery] = useState<CaseQuery>({ page: 1, pageSize: 20 });
  const cases = useRemoteData(() => listCases(query), JSON.stringify(query));
  return (
    <Card title={bt('benefits.mine.title')}>
      <Alert type="info" showIcon title={bt('benefits.mine.hint')} style={{ marginBottom: 16 }} />
      <LoadError error={cases.error} />
      <div data-testid="benefit-cases">
        <CaseTable
          page={cases.data}
          isLoading={cases.isLoading}
          showEnterprise={false}
          onPage={(page, pageSize) => setQuery({ page, pageSize })}
        />
      </div>
    </Card>
  );
}
