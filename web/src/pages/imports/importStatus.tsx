import { DownloadOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import { rejectsFileUrl, type ImportRun, type ImportStatus } from '../../api/imports.ts';
import { useI18n } from '../../locales/i18n.tsx';

const STATUS_COLORS: Record<ImportStatus, string> = {
  queued: 'default',
  running: 'processing',
  completed: 'success',
  failed: 'error',
  refused: 'error',
  interrupted: 'warning',
};

/** 排队中 / 导入中 / 已完成 / 失败 / 已拒收 / 已中断. */
export function ImportStatusTag({ status }: { status: ImportStatus }) {
  const { t } = useI18n();
  return <Tag color={STATUS_COLORS[status] ?? 'default'}>{t(`imports.status.${status}`)}</Tag>;
}

/** 下载拒绝清单: the run's rejects CSV (line, column, reason code, reason), when there are any. */
export function RejectsLink({ run }: { run: ImportRun }) {
  const { t } = useI18n();
  if (run.rejected <= 0) return null;
  return (
    <a href={rejectsFileUrl(run.id)} download>
      <DownloadOutlined /> {t('imports.downloadRejects')}
    </a>
  );
}
