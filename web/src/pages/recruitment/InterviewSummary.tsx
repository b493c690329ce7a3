import { Space, Typography } from 'antd';
import type { Interview } from '../../api/recruitment.ts';
import { formatDateTime } from '../../utils/format.ts';

/** An interview arrangement in a table cell: time (北京时间), place or link, note, and 已改期. */
export function InterviewSummary({ interview, testId }: { interview: Interview | null; testId?: string }) {
  if (!interview) return <>—</>;
  return (
    <Space orientation="vertical" size={0} data-testid={testId}>
      <Typography.Text strong>{formatDateTime(interview.at)}（北京时间）</Typography.Text>
      {interview.place && <Typography.Text>地点：{interview.place}</Typography.Text>}
      {interview.link && (
        <Typography.Text>
          线上：
          <Typography.Link href={interview.link} target="_blank" rel="noopener noreferrer">
            {interview.link}
          </Typography.Link>
        </Typography.Text>
      )}
      {interview.note && <Typography.Text type="secondary">备注：{interview.note}</Typography.Text>}
      {interview.previous.length > 0 && (
        <Typography.Text type="warning">
          已改期（原定 {interview.previous.map((p) => formatDateTime(p.at)).join('、')}）
        </Typography.Text>
      )}
    </Space>
  );
}
