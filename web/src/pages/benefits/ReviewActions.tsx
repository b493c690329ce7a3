import { Alert, Button, Space } from 'antd';
import { useState } from 'react';
import { approveCase, rejectCase, returnCase, type CaseDetail } from '../../api/benefits.ts';
import { useErrorText } from '../../locales/i18n.tsx';
import { useBenefitsText } from './benefitsText.ts';
import { ReasonModal } from './ReasonModal.tsx';
import { useActionKey } from './useActionKey.ts';

/** The city's review of a confirmed case: approve (公示 starts), reject or return, with a reason. */
export function ReviewActions({ item, onChanged }: { item: CaseDetail; onChanged: (message: string) => void }) {
  const { bt } = useBenefitsText();
  const errorText = useErrorText();
  const [dialog, setDialog] = useState<'reject' | 'return' | null>(null);
  const [error, setError] = useState<string>();
  const [isBusy, setIsBusy] = useState(false);
  const action = useActionKey();

  async function approve() {
    setIsBusy(true);
    setError(undefined);
    try {
      await approveCase(item.id, action.key());
      action.done();
      onChanged(bt('benefits.review.approved'));
    } catch (cause) {
      setError(errorText(cause));
    } finally {
      setIsBusy(false);
    }
  }

  return (
    <>
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 16 }} />}
      <Space>
        <Button type="primary" loading={isBusy} onClick={() => void approve()}>
          {bt('benefits.review.approve')}
        </Button>
        <Button danger onClick={() => setDialog('reject')}>
          {bt('benefits.review.reject')}
        </Button>
        <Button onClick={() => setDialog('return')}>{bt('benefits.review.return')}</Button>
      </Space>
      <ReasonModal
        title={bt(dialog === 'return' ? 'benefits.review.returnTitle' : 'benefits.review.rejectTitle')}
        label={bt('benefits.reason')}
        okText={bt(dialog === 'return' ? 'benefits.review.return' : 'benefits.review.reject')}
        open={dialog !== null}
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
