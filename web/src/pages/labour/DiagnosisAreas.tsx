import { Card, List, Progress, Space, Tag, Typography } from 'antd';
import type { Diagnosis } from '../../api/labour.ts';

const ANSWER_LABELS = { yes: '是', partly: '部分做到', no: '否' } as const;

/** A diagnosis's scores per area and its advice, each with its legal basis. */
export function DiagnosisAreas({ diagnosis }: { diagnosis: Diagnosis }) {
  return (
    <Card
      title={
        <Space>
          <span>体检结果：总分 {diagnosis.total}</span>
          {diagnosis.isAtRisk ? <Tag color="red">存在劳动关系风险</Tag> : <Tag color="green">总体良好</Tag>}
        </Space>
      }
      data-testid="diagnosis-result"
    >
      <Typography.Paragraph type="secondary">
        问卷版本 {diagnosis.version}，提交于 {diagnosis.submittedAt.slice(0, 16).replace('T', ' ')}
      </Typography.Paragraph>
      {diagnosis.areas.map((area) => (
        <div key={area.code} style={{ marginBottom: 16 }}>
          <Space>
            <Typography.Text strong>{area.title}</Typography.Text>
            <Progress
              percent={area.score}
              size="small"
              style={{ width: 200 }}
              status={area.isAtRisk ? 'exception' : 'normal'}
              format={(p) => `${p} 分`}
            />
          </Space>
          {area.advice.length > 0 && (
            <List
              size="small"
              dataSource={area.advice}
              renderItem={(a) => (
                <List.Item>
                  <Space orientation="vertical" size={0}>
                    <span>
                      {a.question}：<Tag>{ANSWER_LABELS[a.answer]}</Tag>
                    </span>
                    <Typography.Text data-testid="diagnosis-advice">建议：{a.advice}</Typography.Text>
                    <Typography.Text type="secondary">依据：{a.basis}</Typography.Text>
                  </Space>
                </List.Item>
              )}
            />
          )}
        </div>
      ))}
    </Card>
  );
}
