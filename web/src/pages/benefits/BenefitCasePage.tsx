import { Alert, Button, Card, Descriptions, Space, Spin, Steps, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { getCaseApplication, getCaseDeclarations } from '../../api/benefitApplications.ts';
import { getCase, type CaseDetail, type CaseState } from '../../api/benefits.ts';
import { useCurrentUser } from '../../app/auth.tsx';
import { AccountName } from '../../components/CodeHint.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { PageBreadcrumb } from '../../components/PageBreadcrumb.tsx';
import { actorName } from '../../locales/codeNames.ts';
import { useI18n } from '../../locales/i18n.tsx';
import { useRemoteData } from '../../components/useRemoteData.ts';
import { formatDateTime, formatFen } from '../../utils/format.ts';
import { cityName } from './cityNames.ts';
import { useBenefitsText } from './benefitsText.ts';
import { ApplicationMaterials } from './ApplicationMaterials.tsx';
import { CaseStateTag, publicityText, ReviewClockTag } from './CaseTags.tsx';
import { ConfirmClaimForm } from './ConfirmClaimForm.tsx';
import { DeclaredFactsPanel } from './DeclaredFactsPanel.tsx';
import { ReviewActions } from './ReviewActions.tsx';

/** The way from match to money; a case that left it shows where it stopped. */
const MAIN_PATH: readonly CaseState[] = ['matched', 'confirmed', 'approved', 'payment_instructed', 'paid'];
const STEP_OF: Partial<Record<CaseState, number>> = {
  returned: 1,
  declined: 0,
  rejected: 1,
  revoked: 2,
  payment_failed: 3,
};

function stepsOf(state: CaseState): { current: number; status: 'process' | 'finish' | 'error' } {
  const onPath = MAIN_PATH.indexOf(state);
  if (state === 'paid') return { current: MAIN_PATH.length - 1, status: 'finish' };
  if (onPath >= 0) return { current: onPath, status: 'process' };
  return { current: STEP_OF[state] ?? 0, status: 'error' };
}

/**
 * A benefit case (/benefits/cases/:id): amount and explanation, the way from match to money,
 * the working-day review clock, and the action of whoever is next — the enterprise's 确认申领 or
 * 不申领 (for a policy that needs an application: 申请材料 to upload, then 提交申请), the city's
 * approve, reject or return, with the application's materials to download. Where the policy lets
 * the enterprise declare facts (社会保险补贴), 人员申报 comes first: the amount waits for it.
 */
export default function BenefitCasePage() {
  const { bt, policyName, stateName } = useBenefitsText();
  const { t } = useI18n();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const detail = useRemoteData(() => getCase(id), String(id));
  const application = useRemoteData(() => getCaseApplication(id), String(id));
  const declarations = useRemoteData(() => getCaseDeclarations(id), String(id));
  const [notice, setNotice] = useState<string>();
  const item = detail.data;

  const changed = (message: string) => {
    setNotice(message);
    detail.reload();
    application.reload();
    declarations.reload();
  };

  if (!item) {
    return (
      <Card title={bt('benefits.caseNo', { id })}>
        <LoadError error={detail.error} />
        {detail.isLoading && <Spin />}
      </Card>
    );
  }
  const steps = stepsOf(item.state);
  const canClaim = user.role === 'enterprise' && (item.state === 'matched' || item.state === 'returned');
  const canReview = user.role === 'city_hrss' && item.state === 'confirmed';
  // Until the delivery is known, neither 确认申领 nor 提交申请 is offered.
  const delivery = application.data?.delivery;
  const declared = declarations.data?.takes_declarations ? declarations.data : undefined;
  const isAwaitingDeclaration = declared?.status === 'awaiting_declaration';
  // Submitting waits for the declarations as for the materials (the server refuses it all the same).
  const waiting = isAwaitingDeclaration
    ? [
        {
          code: 'declarations',
          name: bt('benefits.declare.missingItem', { count: declared.summary.needs_declaration }),
        },
      ]
    : [];

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <PageBreadcrumb current={`${item.enterprise_name} · ${bt('benefits.caseNo', { id: item.id })}`} />
      <Card
        title={`${policyName(item.policy)} · ${item.period} · ${bt('benefits.caseNo', { id: item.id })}`}
        extra={<Button onClick={() => navigate(-1)}>{t('common.back')}</Button>}
      >
        {notice && (
          <Alert
            type="success"
            showIcon
            role="status"
            title={notice}
            style={{ marginBottom: 16 }}
            closable
            onClose={() => setNotice(undefined)}
          />
        )}
        <LoadError error={detail.error} />
        <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered>
          <Descriptions.Item label={bt('benefits.enterprise')}>{item.enterprise_name}</Descriptions.Item>
          <Descriptions.Item label={bt('benefits.uscc')}>{item.uscc}</Descriptions.Item>
          <Descriptions.Item label={bt(item.state === 'paid' ? 'benefits.case.paidAmount' : 'benefits.case.estimate')}>
            <Typography.Text strong>
              <span data-testid="case-amount">{formatFen(item.amount_fen)}</span> {bt('benefits.yuan')}
            </Typography.Text>
            {isAwaitingDeclaration && (
              <Tag color="orange" style={{ marginLeft: 8 }} data-testid="case-awaiting-declaration">
                {bt('benefits.declare.awaitingTag')}
              </Tag>
            )}
            {item.is_amount_changed && item.rerun_amount_fen !== null && (
              <Typography.Text type="warning" style={{ marginLeft: 8 }}>
                {bt('benefits.amountChanged', { amount: formatFen(item.rerun_amount_fen) })}
              </Typography.Text>
            )}
          </Descriptions.Item>
          <Descriptions.Item label={bt('benefits.state')}>
            <CaseStateTag state={item.state} />
          </Descriptions.Item>
          <Descriptions.Item label={bt('benefits.city')}>{cityName(item.city_code)}</Descriptions.Item>
          <Descriptions.Item label={bt('benefits.clock')}>
            {item.state === 'confirmed' ? <ReviewClockTag clock={item.review_clock} /> : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={bt('benefits.publicity')}>{publicityText(item, bt)}</Descriptions.Item>
          <Descriptions.Item label={bt('benefits.case.bank')}>
            {bankText(item) ?? bt('benefits.case.noBank')}
          </Descriptions.Item>
          {item.reason && <Descriptions.Item label={bt('benefits.reason')}>{item.reason}</Descriptions.Item>}
          <Descriptions.Item label={bt('benefits.case.identity')}>
            {item.benefit_identity.label}
            {item.benefit_identity.note && (
              <Typography.Text type="secondary">（{item.benefit_identity.note}）</Typography.Text>
            )}
          </Descriptions.Item>
          {item.duplicate_of !== null && (
            <Descriptions.Item label={bt('benefits.case.duplicateOf')}>
              <Typography.Link onClick={() => navigate(`/benefits/cases/${item.duplicate_of}`)}>
                {bt('benefits.case.duplicateOfLink', { id: item.duplicate_of })}
              </Typography.Link>
            </Descriptions.Item>
          )}
        </Descriptions>
        <Steps
          style={{ marginTop: 24 }}
          size="small"
          current={steps.current}
          status={steps.status}
          items={MAIN_PATH.map((state, index) => ({
            title: index === steps.current && steps.status === 'error' ? stateName(item.state) : stateName(state),
          }))}
        />
      </Card>

      <LoadError error={application.error} />
      <LoadError error={declarations.error} />
      {delivery === 'application' && declared && (
        <Card title={bt('benefits.declare.title')} data-testid="case-declarations">
          <DeclaredFactsPanel
            caseId={item.id}
            answer={declared}
            canEdit={canClaim && declared.is_editable}
            onSaved={() => {
              detail.reload();
              declarations.reload();
            }}
          />
        </Card>
      )}
      {delivery === 'application' && application.data && (
        <Card title={bt('benefits.application.title')} data-testid="application-materials">
          <ApplicationMaterials
            caseId={item.id}
            application={application.data}
            canEdit={canClaim && application.data.is_editable}
            onChanged={application.reload}
          />
        </Card>
      )}
      {canClaim && delivery === 'application' && application.data && (
        <Card title={bt('benefits.apply.title')}>
          <ConfirmClaimForm
            item={item}
            onChanged={changed}
            kind="apply"
            missing={[...application.data.missing, ...waiting]}
          />
        </Card>
      )}
      {canClaim && delivery === 'exempt' && (
        <Card title={bt('benefits.confirm.title')}>
          <ConfirmClaimForm item={item} onChanged={changed} />
        </Card>
      )}
      {canReview && (
        <Card title={bt('benefits.review.title')}>
          <ReviewActions item={item} onChanged={changed} />
        </Card>
      )}

      <Card title={bt('benefits.case.explanation')}>
        <ol data-testid="case-explanation" style={{ paddingLeft: 20, margin: 0 }}>
          {item.explanation.map((line, index) => (
            <li key={index}>{line}</li>
          ))}
        </ol>
      </Card>

      <Card title={bt('benefits.case.history')}>
        <Table
          data-testid="case-history"
          rowKey={(row) => `${row.at}-${row.to}`}
          size="small"
          pagination={false}
          dataSource={item.history}
          columns={[
            { title: bt('benefits.case.at'), dataIndex: 'at', render: (at: string) => formatDateTime(at) },
            {
              title: bt('benefits.state'),
              key: 'move',
              render: (_, row) =>
                `${row.from ? stateName(row.from) : bt('benefits.state.start')} → ${stateName(row.to)}`,
            },
            {
              title: bt('benefits.case.actor'),
              dataIndex: 'actor',
              render: (actor: string | null) => <HistoryActor actor={actor} />,
            },
            { title: bt('benefits.case.note'), dataIndex: 'note', render: (note: string | null) => note ?? '—' },
          ]}
        />
      </Card>
    </Space>
  );
}

/**
 * Who moved the case: the system's own runs in words; for officials the account name, for the
 * enterprise 本单位 or 经办人员 — it has no use for the officials' account names.
 */
function HistoryActor({ actor }: { actor: string | null }) {
  const { t } = useI18n();
  const { bt } = useBenefitsText();
  const user = useCurrentUser();
  const named = actorName(t, actor);
  if (!actor || named !== actor) return <>{named}</>;
  if (user.role !== 'enterprise') return <AccountName name={actor} />;
  return <>{actor === user.username ? bt('benefits.case.actorSelf') : bt('benefits.case.actorOfficial')}</>;
}

function bankText(item: CaseDetail): string | null {
  if (!item.bank) return null;
  return [item.bank.bank_name, item.bank.bank_account, item.bank.account_holder].filter(Boolean).join(' · ');
}
