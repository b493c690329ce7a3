import { App, Button, Card, Form, Input, Radio, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import {
  applyForHarmony,
  getQuestionnaire,
  listHarmonyApplications,
  listOwnDiagnoses,
  submitDiagnosis,
  type DiagnosisAnswer,
} from '../../api/labour.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { useRemoteData } from '../../components/useRemoteData.ts';
import { useErrorText } from '../../locales/i18n.tsx';
import { DiagnosisAreas } from './DiagnosisAreas.tsx';

/**
 * 劳动关系体检 (/labour/diagnosis) for an enterprise: the questionnaire in force, the latest result
 * with a score per area and concrete advice, and the year's 和谐劳动关系创建 application.
 */
export default function DiagnosisPage() {
  const questionnaire = useRemoteData(() => getQuestionnaire(), 'questionnaire');
  const [version, setVersion] = useState(0);
  const mine = useRemoteData(() => listOwnDiagnoses(), `mine:${version}`);
  const errorText = useErrorText();
  const { message } = App.useApp();
  const [isSaving, setIsSaving] = useState(false);

  async function submit(answers: Record<string, DiagnosisAnswer>) {
    setIsSaving(true);
    try {
      await submitDiagnosis(answers);
      void message.success('已提交，体检结果见下方');
      setVersion((v) => v + 1);
    } catch (error) {
      void message.error(errorText(error));
    } finally {
      setIsSaving(false);
    }
  }

  const latest = mine.data?.[0];
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <LoadError error={questionnaire.error ?? mine.error} />
      {latest && <DiagnosisAreas diagnosis={latest} />}
      {questionnaire.data && (
        <Card title={`${questionnaire.data.title}（${questionnaire.data.version}）`}>
          <Typography.Paragraph type="secondary">{questionnaire.data.source}</Typography.Paragraph>
          <Form<Record<string, DiagnosisAnswer>> layout="vertical" name="diagnosis" onFinish={(v) => void submit(v)}>
            {questionnaire.data.areas.map((area) => (
              <div key={area.code}>
                <Typography.Title level={5}>{area.title}</Typography.Title>
                {area.questions.map((q) => (
                  <Form.Item key={q.code} name={q.code} label={q.text} rules={[{ required: true, message: '请作答' }]}>
                    <Radio.Group data-testid={`diagnosis-${q.code}`}>
                      <Radio value="yes">是</Radio>
                      <Radio value="partly">部分做到</Radio>
                      <Radio value="no">否</Radio>
                    </Radio.Group>
                  </Form.Item>
                ))}
              </div>
            ))}
            <Button type="primary" htmlType="submit" loading={isSaving} data-testid="diagnosis-submit">
              提交体检
            </Button>
          </Form>
        </Card>
      )}
      <HarmonyCard />
    </Space>
  );
}

const STATE_COLORS = { submitted: 'blue', approved: 'green', rejected: 'red' } as const;

function HarmonyCard() {
  const [version, setVersion] = useState(0);
  const applications = useRemoteData(() => listHarmonyApplications(), `harmony:${version}`);
  const [statement, setStatement] = useState('');
  const errorText = useErrorText();
  const { message } = App.useApp();
  async function apply() {
    try {
      await applyForHarmony(statement);
      void message.success('已提交和谐劳动关系创建申请');
      setStatement('');
      setVersion((v) => v + 1);
    } catch (error) {
      void message.error(errorText(error));
    }
  }
  return (
    <Card title="和谐劳动关系创建" size="small">
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={applications.data ?? []}
        locale={{ emptyText: '尚未申请' }}
        columns={[
          { title: '年度', dataIndex: 'year' },
          {
            title: '状态',
            dataIndex: 'stateLabel',
            render: (l: string, a) => <Tag color={STATE_COLORS[a.state]}>{l}</Tag>,
          },
          { title: '审核意见', dataIndex: 'reviewNote' },
        ]}
      />
      <Space.Compact style={{ width: '100%', marginTop: 12 }}>
        <Input.TextArea
          rows={2}
          placeholder="简述本企业劳动关系情况和创建举措（至少 10 字）"
          value={statement}
          onChange={(e) => setStatement(e.target.value)}
        />
      </Space.Compact>
      <Button style={{ marginTop: 8 }} onClick={() => void apply()} disabled={statement.trim().length < 10}>
        申请本年度认定
      </Button>
    </Card>
  );
}
