import {
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Form,
  Input,
  List,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import {
  COMPENSATION_KINDS,
  calculateDisputeCompensation,
  changeDispute,
  getDispute,
  listSimilarDisputes,
  type CompensationKind,
  type DisputeDetail,
} from '../../api/labour.ts';
import { useCurrentUser } from '../../app/auth.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { useRemoteData } from '../../components/useRemoteData.ts';
import { useErrorText } from '../../locales/i18n.tsx';
import { formatYuan } from '../../utils/format.ts';
import { CompensationResultCard } from './CompensationPage.tsx';

const KIND_LABELS: Record<CompensationKind, string> = {
  severance: '经济补偿',
  unlawful: '违法解除赔偿金',
  notice: '代通知金',
};

/**
 * One dispute case (/labour/disputes/:id): parties masked (whole for the personal-data right,
 * audited), the deadlines explained with their sources, the stage actions, the compensation
 * calculated for the case and similar past cases.
 */
export default function DisputePage() {
  const id = Number(useParams().id);
  const user = useCurrentUser();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const [whole, setWhole] = useState(false);
  const [version, setVersion] = useState(0);
  const dispute = useRemoteData(() => getDispute(id, whole), `${id}:${whole}:${version}`);
  const similar = useRemoteData(() => listSimilarDisputes(id), `similar:${id}`);
  const [outcome, setOutcome] = useState('');

  async function act(run: () => Promise<DisputeDetail>, done: string) {
    try {
      await run();
      void message.success(done);
      setVersion((v) => v + 1);
    } catch (error) {
      void message.error(errorText(error));
    }
  }

  const d = dispute.data;
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <LoadError error={dispute.error} />
      {d && (
        <Card
          title={`${d.caseNo} ${d.enterpriseName}`}
          extra={<Link to="/labour/disputes">返回列表</Link>}
          data-testid="dispute-detail"
        >
          <Space style={{ marginBottom: 12 }} wrap>
            <Tag color={d.stage === 'closed' ? 'default' : 'blue'} data-testid="dispute-stage">
              {d.stageLabel}
            </Tag>
            {d.isFastTrack && <Tag color="green">专精特新企业快处</Tag>}
            {d.alertReason && (
              <Tag color="red" data-testid="dispute-alert">
                集体劳动争议预警：{d.alertReason}
              </Tag>
            )}
            {d.isOverdue && <Tag color="red">已超期</Tag>}
          </Space>
          <Descriptions column={{ xs: 1, md: 3 }} size="small">
            <Descriptions.Item label="统一社会信用代码">{d.uscc}</Descriptions.Item>
            <Descriptions.Item label="地区">{d.regionName}</Descriptions.Item>
            <Descriptions.Item label="处理方式">{d.kindLabel}</Descriptions.Item>
            <Descriptions.Item label="受理日期">{d.receivedOn}</Descriptions.Item>
            <Descriptions.Item label="法定期限">{d.deadline}</Descriptions.Item>
            <Descriptions.Item label="快处目标">{d.fastTrackDue ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="劳动者人数">{d.workersCount}</Descriptions.Item>
            <Descriptions.Item label="请求金额">{formatYuan(d.claimedFen)}</Descriptions.Item>
            <Descriptions.Item label="拖欠工资">{formatYuan(d.arrearsFen)}</Descriptions.Item>
            <Descriptions.Item label="请求事项" span={3}>
              {d.claims}
            </Descriptions.Item>
            {d.outcome && (
              <Descriptions.Item label="结案情况" span={3}>
                {d.outcome}（{d.closedOn}）
              </Descriptions.Item>
            )}
          </Descriptions>
          <Typography.Title level={5}>劳动者当事人</Typography.Title>
          <Table
            rowKey={(_, i) => String(i)}
            size="small"
            pagination={false}
            dataSource={d.parties}
            columns={[
              { title: '姓名', dataIndex: 'name' },
              { title: '公民身份号码', dataIndex: 'idNumber', render: (v: string | null) => v ?? '—' },
            ]}
            data-testid="dispute-parties"
          />
          {user.canViewPersonal && !d.isWhole && (
            <Button size="small" style={{ marginTop: 8 }} onClick={() => setWhole(true)}>
              查看完整信息（留痕）
            </Button>
          )}
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            期限计算
          </Typography.Title>
          <List
            size="small"
            dataSource={d.deadlineSteps}
            renderItem={(step) => (
              <List.Item>
                <Space orientation="vertical" size={0}>
                  <span>{step.text}</span>
                  <Typography.Text type="secondary">{step.source}</Typography.Text>
                </Space>
              </List.Item>
            )}
          />
          {d.stage !== 'closed' && (
            <Space style={{ marginTop: 16 }} wrap>
              {d.stage === 'accepted' && (
                <Button
                  onClick={() => void act(() => changeDispute(id, { action: 'start' }), '已开始办理')}
                  data-testid="dispute-start"
                >
                  {d.kind === 'mediation' ? '开始调解' : '开庭审理'}
                </Button>
              )}
              {d.stage === 'arbitrating' && !d.isExtended && (
                <Button onClick={() => void act(() => changeDispute(id, { action: 'extend' }), '已延期 15 日')}>
                  经批准延期
                </Button>
              )}
              <Input
                placeholder="结案情况（调解协议、裁决、撤回等）"
                style={{ width: 320 }}
                value={outcome}
                onChange={(e) => setOutcome(e.target.value)}
                data-testid="dispute-outcome"
              />
              <Button
                danger
                onClick={() => void act(() => changeDispute(id, { action: 'close', outcome }), '已结案')}
                data-testid="dispute-close"
              >
                结案
              </Button>
            </Space>
          )}
        </Card>
      )}
      {d && d.stage !== 'closed' && <DisputeCompensationForm id={id} onDone={() => setVersion((v) => v + 1)} />}
      {d?.compensation && (
        <>
          <Typography.Text type="secondary">
            随案保存的计算：{d.compensation.calculated_by}，
            {d.compensation.calculated_at.slice(0, 16).replace('T', ' ')}
          </Typography.Text>
          <CompensationResultCard result={d.compensation} />
        </>
      )}
      <Card title="相似案件" size="small" data-testid="dispute-similar">
        <LoadError error={similar.error} />
        <List
          size="small"
          locale={{ emptyText: '没有找到相似案件' }}
          dataSource={similar.data ?? []}
          renderItem={(s) => (
            <List.Item>
              <Space orientation="vertical" size={0}>
                <Space wrap>
                  <Link to={`/labour/disputes/${s.id}`}>{s.caseNo}</Link>
                  <span>{s.enterpriseName}</span>
                  <Tag>{s.stageLabel}</Tag>
                  <Typography.Text type="secondary">相似度 {s.score.toFixed(2)}</Typography.Text>
                  {s.sharedTerms.map((term) => (
                    <Tag key={term} color="blue">
                      {term}
                    </Tag>
                  ))}
                </Space>
                <Typography.Text type="secondary">{s.claims}</Typography.Text>
                {s.outcome && <Typography.Text>结案：{s.outcome}</Typography.Text>}
              </Space>
            </List.Item>
          )}
        />
      </Card>
    </Space>
  );
}

interface CompensationValues {
  kind: CompensationKind;
  wage: string;
  from: { format(pattern: string): string };
  to: { format(pattern: string): string };
}

/** The calculator on a case: the case's region caps; the result is stored with the case. */
function DisputeCompensationForm({ id, onDone }: { id: number; onDone: () => void }) {
  const errorText = useErrorText();
  const [error, setError] = useState<unknown>();
  const [isRunning, setIsRunning] = useState(false);
  function run(values: CompensationValues) {
    setIsRunning(true);
    setError(undefined);
    calculateDisputeCompensation(id, {
      kind: values.kind,
      wage: values.wage.trim(),
      from: values.from.format('YYYY-MM-DD'),
      to: values.to.format('YYYY-MM-DD'),
    })
      .then(onDone)
      .catch(setError)
      .finally(() => setIsRunning(false));
  }
  return (
    <Card title="为本案计算经济补偿、赔偿金或代通知金" size="small">
      <Form<CompensationValues>
        layout="inline"
        name="dispute-compensation"
        initialValues={{ kind: 'severance' }}
        onFinish={run}
        style={{ rowGap: 12 }}
      >
        <Form.Item label="项目" name="kind" rules={[{ required: true }]}>
          <Select
            style={{ width: 160 }}
            options={COMPENSATION_KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] }))}
          />
        </Form.Item>
        <Form.Item label="月工资（元）" name="wage" rules={[{ required: true, pattern: /^\d{1,9}(\.\d{1,2})?$/ }]}>
          <Input style={{ width: 120 }} data-testid="dispute-wage" />
        </Form.Item>
        <Form.Item label="入职日期" name="from" rules={[{ required: true }]}>
          <DatePicker format="YYYY-MM-DD" data-testid="dispute-from" />
        </Form.Item>
        <Form.Item label="解除日期" name="to" rules={[{ required: true }]}>
          <DatePicker format="YYYY-MM-DD" data-testid="dispute-to" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={isRunning} data-testid="dispute-calculate">
          计算并保存
        </Button>
      </Form>
      {error !== undefined && (
        <Typography.Text type="danger" role="alert">
          {errorText(error)}
        </Typography.Text>
      )}
    </Card>
  );
}
