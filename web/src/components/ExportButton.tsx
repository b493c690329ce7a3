import { DownloadOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import { useErrorText, useI18n } from '../locales/i18n.tsx';
import { saveBlob } from '../utils/download.ts';

/**
 * 导出 Excel for a page: asks the server for the file with the page's filters (the server masks
 * personal data and audits the export), saves it, and says so — or shows why not.
 */
export function ExportButton({
  download,
  testId,
}: {
  download: () => Promise<{ blob: Blob; fileName: string }>;
  testId?: string;
}) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const [isBusy, setIsBusy] = useState(false);

  async function run() {
    setIsBusy(true);
    try {
      const { blob, fileName } = await download();
      saveBlob(blob, fileName);
      void message.success(t('common.exported', { fileName }));
    } catch (error) {
      void message.error(errorText(error));
    } finally {
      setIsBusy(false);
    }
  }

  return (
    <Button icon={<DownloadOutlined />} loading={isBusy} onClick={() => void run()} data-testid={testId}>
      {t('common.export')}
    </Button>
  );
}
