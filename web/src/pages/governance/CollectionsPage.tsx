import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
} from 'antd';
import { useState } from 'react';
import {
  attachApproval,
  closeCollection,
  collectionBurden,
  createCollection,
  listApprovals,
  listCatalogues,
  listCollections,
  openCollection,
  publishCatalogue,
  recordApproval,
  shortageAnswers,
  type DataCollection,
  type ShortageAnswers,
  type ShortageCatalogue,
} from '../../api/governanceRounds.ts';
import { useCurrentUser } from '../../app/auth.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { useRemoteData } from '../../components/useRemoteData.ts';
import { useErrorText, useI18n } from '../../locales/i18n.tsx';

const THIS_YEAR = new Date().getFullYear();

/**
 * 调查与批准: collections to enterprises under approval records (refused without a valid one), the
 * burden per enterprise, and the 急需紧缺职业 survey's answers and catalogues.
 */
export default function CollectionsPage() {
  const { t } = useI18n();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const isProvince = user.role === 'province_hrss';
  const canSend = isProvince || user.role === 'city_hrss';
  const collections = useRemoteData(() => listCollections(), 'collections');
  const approvals = useRemoteData(() => listApprovals(), 'approvals');
  const catalogues = useRemoteData(() => listCatalogues(), 'catalogues');
  const [year, setYear] = useState(THIS_YEAR);
  const burden = useRemoteData(() => collectionBurden(year), `burden-${year}`);
  const [refusal, setRefusal] = useState<string>();
  const [isDrafting, setIsDrafting] = useState(false);
  const [isRecording, setIsRecording] = useState(false);
  const [choosing, setChoosing] = useState<DataCollection>();
  const [answers, setAnswers] = useState<{ collection: DataCollection; data: ShortageAnswers }>();

  async function run(action: () => Promise<unknown>, done?: string) {
    try {
      await action();
      if (done) message.success(done);
      setRefusal(undefined);
      collections.reload();
      catalogues.reload();
    } catch (error) {
      setRefusal(errorText(error));
      message.error(errorText(error));
    }
  }

  const columns = [
    { title: t('rounds.title'), dataIndex: 'title' },
    { title: t('rounds.kind'), dataIndex: 'kindLabel' },
    { title: t('rounds.region'), render: (_: unknown, c: DataCollection) => c.regionName ?? c.regionCode },
    { title: t('rounds.year'), dataIndex: 'year' },
    {
      title: t('rounds.approvalNumber'),
      render: (_: unknown, c: DataCollection) =>
        c.approvalNumber ? (
          <Space size={4}>
            {c.approvalNumber}
            {!c.isApprovedToday && <Tag color="red">{t('rounds.notApproved')}</Tag>}
          </Space>
        ) : (
          <Tag color="red">{t('rounds.notApproved')}</Tag>
        ),
    },
    { title: t('rounds.state'), dataIndex: 'stateLabel' },
    { title: t('rounds.answered'), render: (_: unknown, c: DataCollection) => `${c.answered} / ${c.recipients}` },
    {
      title: t('common.actions'),
      render: (_: unknown, c: DataCollection) => (
        <Space size={0} wrap>
          {canSend && c.state === 'draft' && (
            <>
              <Button type="link" size="small" onClick={() => setChoosing(c)}>
                {t('rounds.chooseApproval')}
              </Button>
              <Button
                type="link"
                size="small"
                data-testid={`collection-open-${c.id}`}
                onClick={() => void run(() => openCollection(c.id), t('rounds.opened'))}
              >
                {t('rounds.open')}
              </Button>
            </>
          )}
          {canSend && c.state === 'open' && (
            <Button type="link" size="small" onClick={() => void run(() => closeCollection(c.id))}>
              {t('rounds.close')}
            </Button>
          )}
          {c.kind === 'shortage_survey' && c.state !== 'draft' && (
            <Button
              type="link"
              size="small"
              data-testid={`collection-answers-${c.id}`}
              onClick={() =>
                void shortageAnswers(c.id).then(
                  (data) => setAnswers({ collection: c, data }),
                  (error: unknown) => message.error(errorText(error)),
                )
              }
            >
              {t('rounds.answers')}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Card title={t('menu.collections')}>
      {refusal && (
        <Alert type="error" showIcon title={refusal} style={{ marginBottom: 16 }} data-testid="collection-refusal" />
      )}
      <Tabs
        items={[
          {
            key: 'collections',
            label: t('rounds.collections'),
            children: (
              <>
                <LoadError error={collections.error} />
                {canSend && (
                  <Button
                    type="primary"
                    style={{ marginBottom: 12 }}
                    onClick={() => setIsDrafting(true)}
                    data-testid="collection-new"
                  >
                    {t('rounds.newCollection')}
                  </Button>
                )}
                <Table<DataCollection>
                  rowKey="id"
                  size="middle"
                  data-testid="collections-table"
                  columns={columns}
                  dataSource={collections.data?.items}
                  loading={collections.isLoading}
                  pagination={false}
                  scroll={{ x: 'max-content' }}
                />
              </>
            ),
          },
          {
            key: 'approvals',
            label: t('rounds.approvals'),
            children: (
              <>
                {isProvince && (
                  <Button
                    type="primary"
                    style={{ marginBottom: 12 }}
                    onClick={() => setIsRecording(true)}
                    data-testid="approval-new"
                  >
                    {t('rounds.newApproval')}
                  </Button>
                )}
                <Table
                  rowKey="id"
                  size="middle"
                  dataSource={approvals.data?.items}
                  pagination={false}
                  scroll={{ x: 'max-content' }}
                  columns={[
                    { title: t('rounds.approvalNumber'), dataIndex: 'approvalNumber' },
                    { title: t('rounds.title'), dataIndex: 'title' },
                    { title: t('rounds.office'), dataIndex: 'office' },
                    { title: t('rounds.scope'), dataIndex: 'scope' },
                    { title: t('rounds.sample'), dataIndex: 'sample' },
                    { title: t('rounds.frequency'), dataIndex: 'frequency' },
                    { title: t('rounds.validFrom'), dataIndex: 'validFrom' },
                    { title: t('rounds.validUntil'), dataIndex: 'validUntil' },
                  ]}
                />
              </>
            ),
          },
          {
            key: 'burden',
            label: t('rounds.burden'),
            children: (
              <>
                <Space style={{ marginBottom: 12 }}>
                  {t('rounds.year')}
                  <InputNumber min={2023} max={2100} value={year} onChange={(v) => v && setYear(v)} />
                  {burden.data && `${burden.data.enterprises} / ${burden.data.collections} / ${burden.data.sent}`}
                </Space>
                <Table
                  rowKey="uscc"
                  size="middle"
                  dataSource={burden.data?.items}
                  pagination={{ pageSize: 20 }}
                  columns={[
                    { title: t('rounds.enterprise'), dataIndex: 'name' },
                    {
                      title: t('rounds.region'),
                      render: (_: unknown, r: { regionName: string | null; regionCode: string }) =>
                        r.regionName ?? r.regionCode,
                    },
                    { title: t('rounds.received'), dataIndex: 'received' },
                    { title: t('rounds.answered'), dataIndex: 'answered' },
                  ]}
                />
              </>
            ),
          },
          {
            key: 'catalogues',
            label: t('rounds.catalogues'),
            children: (
              <Table<ShortageCatalogue>
                rowKey="id"
                size="middle"
                data-testid="catalogues-table"
                dataSource={catalogues.data?.items}
                pagination={false}
                columns={[
                  { title: t('rounds.city'), render: (_: unknown, c: ShortageCatalogue) => c.cityName ?? c.cityCode },
                  { title: t('rounds.year'), dataIndex: 'year' },
                  {
                    title: t('rounds.occupation'),
                    render: (_: unknown, c: ShortageCatalogue) => c.occupations.map((o) => o.name ?? o.code).join('、'),
                  },
                ]}
              />
            ),
          },
        ]}
      />
      <DraftModal
        open={isDrafting}
        isProvince={isProvince}
        approvals={approvals.data?.items ?? []}
        onClose={() => setIsDrafting(false)}
        onSubmit={(body) => void run(() => createCollection(body)).then(() => setIsDrafting(false))}
      />
      <ApprovalModal
        open={isRecording}
        onClose={() => setIsRecording(false)}
        onSubmit={(body) =>
          void recordApproval(body).then(
            () => {
              setIsRecording(false);
              approvals.reload();
            },
            (error: unknown) => message.error(errorText(error)),
          )
        }
      />
      <Modal
        open={choosing !== undefined}
        title={t('rounds.chooseApproval')}
        footer={null}
        onCancel={() => setChoosing(undefined)}
        destroyOnHidden
      >
        <Select
          style={{ width: '100%' }}
          data-testid="approval-select"
          options={(approvals.data?.items ?? []).map((a) => ({
            value: a.id,
            label: `${a.approvalNumber} ${a.title}（${a.validFrom}–${a.validUntil}）`,
          }))}
          onChange={(value: number) =>
            choosing && void run(() => attachApproval(choosing.id, value)).then(() => setChoosing(undefined))
          }
        />
      </Modal>
      <Modal
        open={answers !== undefined}
        title={answers?.collection.title}
        width={900}
        footer={null}
        onCancel={() => setAnswers(undefined)}
        destroyOnHidden
      >
        <Table<ShortageAnswers['summary'][number]>
          rowKey={(r) => `${r.cityCode}-${r.occupationCode}`}
          size="small"
          data-testid="shortage-summary"
          dataSource={answers?.data.summary}
          pagination={false}
          columns={[
            { title: t('rounds.city'), dataIndex: 'cityCode' },
            {
              title: t('rounds.occupation'),
              render: (_: unknown, r: ShortageAnswers['summary'][number]) => r.occupationName ?? r.occupationCode,
            },
            { title: t('rounds.headcount'), dataIndex: 'headcount' },
            { title: t('rounds.enterprises'), dataIndex: 'enterprises' },
            { title: t('rounds.urgencyHigh'), dataIndex: 'urgent' },
          ]}
        />
        {isProvince && (
          <Space style={{ marginTop: 12 }} wrap>
            {[...new Set(answers?.data.summary.map((s) => s.cityCode))].map((city) => (
              <Button
                key={city}
                data-testid={`publish-${city}`}
                onClick={() =>
                  answers && void run(() => publishCatalogue(answers.collection.id, city), t('rounds.published'))
                }
              >
                {t('rounds.publish')} {city}
              </Button>
            ))}
          </Space>
        )}
      </Modal>
    </Card>
  );
}

type DraftBody = Parameters<typeof createCollection>[0];

function DraftModal(props: {
  open: boolean;
  isProvince: boolean;
  approvals: { id: number; approvalNumber: string; title: string }[];
  onClose: () => void;
  onSubmit: (body: DraftBody) => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm();
  const kind = Form.useWatch('kind', form) as DraftBody['kind'] | undefined;
  return (
    <Modal
      open={props.open}
      title={t('rounds.newCollection')}
      onCancel={props.onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ kind: 'form', year: THIS_YEAR }}
        onFinish={(v: { kind: DraftBody['kind']; title: string; year: number; fields?: string; approvalId?: number }) =>
          props.onSubmit({
            kind: v.kind,
            title: v.title,
            year: v.year,
            approvalId: v.approvalId ?? null,
            fields: (v.fields ?? '')
              .split('\n')
              .map((f) => f.trim())
              .filter(Boolean),
          })
        }
      >
        <Form.Item name="kind" label={t('rounds.kind')}>
          <Select
            options={[
              { value: 'form', label: t('rounds.kindForm') },
              ...(props.isProvince ? [{ value: 'shortage_survey', label: t('rounds.kindSurvey') }] : []),
            ]}
          />
        </Form.Item>
        <Form.Item name="title" label={t('rounds.title')} rules={[{ required: true }]}>
          <Input data-testid="collection-title" />
        </Form.Item>
        <Form.Item name="year" label={t('rounds.year')}>
          <InputNumber min={2023} max={2100} />
        </Form.Item>
        {kind !== 'shortage_survey' && (
          <Form.Item name="fields" label={t('rounds.fields')} rules={[{ required: true }]}>
            <Input.TextArea rows={3} data-testid="collection-fields" />
          </Form.Item>
        )}
        <Form.Item name="approvalId" label={t('rounds.approvalNumber')}>
          <Select
            allowClear
            options={props.approvals.map((a) => ({ value: a.id, label: `${a.approvalNumber} ${a.title}` }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ApprovalModal(props: {
  open: boolean;
  onClose: () => void;
  onSubmit: (body: Parameters<typeof recordApproval>[0]) => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm();
  const text = (name: string, label: string) => (
    <Form.Item name={name} label={label} rules={[{ required: true }]}>
      <Input data-testid={`approval-${name}`} />
    </Form.Item>
  );
  return (
    <Modal
      open={props.open}
      title={t('rounds.newApproval')}
      onCancel={props.onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(
          v: Record<string, string> & {
            validFrom: { format: (f: string) => string };
            validUntil: { format: (f: string) => string };
          },
        ) =>
          props.onSubmit({
            title: v.title!,
            office: v.office!,
            approvalNumber: v.approvalNumber!,
            scope: v.scope!,
            sample: v.sample!,
            frequency: v.frequency!,
            validFrom: v.validFrom.format('YYYY-MM-DD'),
            validUntil: v.validUntil.format('YYYY-MM-DD'),
          })
        }
      >
        {text('title', t('rounds.title'))}
        {text('office', t('rounds.office'))}
        {text('approvalNumber', t('rounds.approvalNumber'))}
        {text('scope', t('rounds.scope'))}
        {text('sample', t('rounds.sample'))}
        {text('frequency', t('rounds.frequency'))}
        <Form.Item name="validFrom" label={t('rounds.validFrom')} rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="validUntil" label={t('rounds.validUntil')} rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
      </Form>
    </Modal>
  );
}
