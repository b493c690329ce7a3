import { App, Checkbox, Empty, Modal } from 'antd';
import { useState } from 'react';
import { listOwnPublishedPostings, signUpForFair, type Fair } from '../../api/recruitment.ts';
import { useRemoteData } from '../../components/useRemoteData.ts';
import { useErrorText } from '../../locales/i18n.tsx';

/** An enterprise signs up for a fair, choosing which of its published postings it brings. */
export function SignUpModal({ fair, onClose }: { fair: Fair; onClose: (saved: boolean) => void }) {
  const postings = useRemoteData(listOwnPublishedPostings, 'own-published');
  const errorText = useErrorText();
  const { message } = App.useApp();
  const [chosen, setChosen] = useState<number[]>([]);
  const [isSaving, setIsSaving] = useState(false);

  async function save() {
    setIsSaving(true);
    try {
      await signUpForFair(fair.id, chosen);
      void message.success('已报名');
      onClose(true);
    } catch (error) {
      void message.error(errorText(error));
    } finally {
      setIsSaving(false);
    }
  }

  const items = postings.data?.items ?? [];
  return (
    <Modal
      open
      title={`报名：${fair.name}`}
      onCancel={() => onClose(false)}
      onOk={() => void save()}
      confirmLoading={isSaving}
      okText="报名"
    >
      {items.length === 0 ? (
        <Empty description="本企业暂无已发布的岗位，也可先报名" />
      ) : (
        <Checkbox.Group
          style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
          value={chosen}
          onChange={(values) => setChosen(values as number[])}
          options={items.map((p) => ({ value: p.id, label: `${p.title}（${p.posts} 人）` }))}
        />
      )}
    </Modal>
  );
}
