import { Alert, App, Button, Card, Modal, Select, Space, Table, Tabs, Tag } from 'antd';
import { useState } from 'react';
import {
  attachApproval,
  closeCollection,
  createCollection,
  listApprovals,
  listCatalogues,
  listCollections,
  openCollection,
  publishCatalogue,
  shortageAnswers,
  type DataCollection,
  type ShortageAnswers,
  type ShortageCatalogue,
} from '../../api/governanceRounds.ts';
import { useCurrentUser } from '../../app/auth.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { useRemoteData } from '../../components/useRemoteData.ts';
import { useErrorText, useI18n } from '../../locales/i18n.tsx';
import { CollectionApprovalsTab } from './CollectionApprovalsTab.tsx';
import { CollectionBurdenTab } from './CollectionBurdenTab.tsx';
import { CollectionDraftModal } from './CollectionDraftModal.tsx';

/**
 * 调查与批准: collections to enterprises under approval records (refused without a valid one), the
 * burden per enterprise, and the 急需紧缺职业 survey's answers and catalogues. The approvals tab
 * (CollectionApprovalsTab), the burden tab (CollectionBurdenTab) and the draft form
 * (CollectionDraftModal) are beside it.
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
  const [refusal, setRefusal] = useState<string>();
  const [isDrafting, setIsDrafting] = useState(false);
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
            children: <CollectionApprovalsTab approvals={approvals} canRecord={isProvince} />,
          },
          {
            key: 'burden',
            label: t('rounds.burden'),
            children: <CollectionBurdenTab />,
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
      <CollectionDraftModal
        open={isDrafting}
        isProvince={isProvince}
        approvals={approvals.data?.items ?? []}
        onClose={() => setIsDrafting(false)}
        onSubmit={(body) => void run(() => createCollection(body)).then(() => setIsDrafting(false))}
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
