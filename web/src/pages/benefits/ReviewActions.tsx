import { Button, Space } from 'antd';
import { useState } from 'react';
import { approveCase, rejectCase, returnCase, type CaseDetail } from '../../api/benefits.ts';
import { useBenefitsText } from './benefitsText.ts';
import { ConfirmMoneyModal } from './ConfirmMoneyModal.tsx';
import { previewOfCase } from './moneySteps.ts';
import { ReasonModal } from './ReasonModal.tsx';
import { daysText, useTimeLimits } from './useTimeLimits.ts';

/**
 * The city's review of a confirmed case: approve after checking the amount and masked account
 * with an opinion (公示 starts), reject or return with a reason.
 */
export function ReviewActions({ item, onChanged }: { item: CaseDetail; onChanged: (message: string) => void }) {
  const { bt } = useBenefitsText();
  const [dialog, setDialog] = useState<'approve' | 'reject' | 'return' | null>(null);
  const limits = useTimeLimits();

  return (
    <>
      <Space>
        <Button type="primary" onClick={() => setDialog('approve')}>
          {bt('benefits.review.approve')}
        </Button>
        <Button danger onClick={() => setDialog('reject')}>
          {bt('benefits.review.reject')}
        </Button>
        <Button onClick={() => setDialog('return')}>{bt('benefits.review.return')}</Button>
      </Space>
      <ConfirmMoneyModal
        title={bt('benefits.money.approveTitle')}
        okText={bt('benefits.money.approveOk')}
        open={dialog === 'approve'}
        needsOpinion
        loadPreview={() => Promise.resolve(previewOfCase(item))}
        onClose={() => setDialog(null)}
        onConfirm={async (preview, opinion, key) => {
          await approveCase(item.id, { opinion, expected_amount_fen: preview.total_fen }, key);
          onChanged(bt('benefits.review.approved', { days: daysText(limits.publicity) }));
        }}
      />
      <ReasonModal
        title={bt(dialog === 'return' ? 'benefits.review.returnTitle' : 'benefits.review.rejectTitle')}
        label={bt('benefits.reason')}
        okText={bt(dialog === 'return' ? 'benefits.review.return' : 'benefits.review.reject')}
        open={dialog === 'reject' || dialog === 'return'}
        onClose={() => setDialog(null)}
        onSubmit={async (reason, key) => {
          if (dialog === 'return') {
            await returnCase(item.id, reason, key);
            onChanged(bt('benefits.review.returned'));
          } else {
            await rejectCase(item.id, reason, key);
            onChanged(bt('benefits.review.rejected'));
          }
        }}
      />
    </>
  );
}
