import { App, Button, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { deleteAttachment, downloadAttachment, type Attachment } from '../../api/benefitApplications.ts';
import { useErrorText, useI18n } from '../../locales/i18n.tsx';
import { saveBlob } from '../../utils/download.ts';
import { formatDateTime } from '../../utils/format.ts';
import { useBenefitsText } from './benefitsText.ts';
import { useActionKey } from './useActionKey.ts';

/** “1.5 MB”, “800 KB”, “12 B”. */
export function sizeText(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Number((bytes / 1024 / 1024).toFixed(1))} MB`;
  if (bytes >= 1024) return `${Number((bytes / 1024).toFixed(1))} KB`;
  return `${bytes} B`;
}

/** The files of one material: download for everyone who sees the case; delete before submission for the enterprise. */
export function ApplicationFileTable({
  files,
  canDelete,
  onChanged,
}: {
  files: Attachment[];
  canDelete: boolean;
  onChanged: () => void;
}) {
  const { bt } = useBenefitsText();
  const { t } = useI18n();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const removal = useActionKey();
  const [error, setError] = useState<string>();
  const [busyId, setBusyId] = useState<number>();

  async function run(id: number, work: () => Promise<unknown>) {
    setBusyId(id);
    setError(undefined);
    try {
      await work();
    } catch (cause) {
      setError(errorText(cause));
    } finally {
      setBusyId(undefined);
    }
  }

  const download = (file: Attachment) =>
    run(file.id, async () => {
      const { blob, fileName } = await downloadAttachment(file);
      saveBlob(blob, fileName);
    });
  const remove = (file: Attachment) =>
    run(file.id, async () => {
      await deleteAttachment(file.id, removal.key());
      removal.done();
      message.success(bt('benefits.application.deleted', { file: file.file_name }));
      onChanged();
    });

  return (
    <>
      <Table<Attachment>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={files}
        locale={{ emptyText: bt('benefits.application.noFiles') }}
        onRow={(file) => ({ 'data-testid': `attachment-${file.id}` }) as HTMLAttributes<HTMLElement>}
        columns={[
          { title: bt('benefits.application.fileName'), dataIndex: 'file_name' },
          { title: bt('benefits.application.size'), dataIndex: 'size_bytes', render: (size: number) => sizeText(size) },
          {
            title: bt('benefits.application.uploadedAt'),
            dataIndex: 'uploaded_at',
            render: (at: string) => formatDateTime(at),
          },
          { title: bt('benefits.application.uploadedBy'), dataIndex: 'uploaded_by' },
          {
            title: bt('benefits.state'),
            dataIndex: 'submitted_at',
            render: (at: string | null) => (at ? <Tag color="blue">{bt('benefits.application.submitted')}</Tag> : '—'),
          },
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_, file) => (
              <Space>
                <Button size="small" onClick={() => void download(file)} loading={busyId === file.id}>
                  {bt('benefits.application.download')}
                </Button>
                {canDelete && !file.submitted_at && (
                  <Popconfirm
                    title={bt('benefits.application.deleteConfirm', { file: file.file_name })}
                    okText={bt('benefits.application.delete')}
                    cancelText={t('common.cancel')}
                    onConfirm={() => remove(file)}
                  >
                    <Button size="small" danger>
                      {bt('benefits.application.delete')}
                    </Button>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
      {error && (
        <Typography.Text type="danger" role="alert">
          {error}
        </Typography.Text>
      )}
    </>
  );
}
