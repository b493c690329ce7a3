import { App, Button, Input, Modal, Space, Tag } from 'antd';
import { useState } from 'react';
import { reportMilestoneDone, type ImplementationPlan } from '../../api/governance.ts';
import { useErrorText, useI18n } from '../../locales/i18n.tsx';

/**
 * A plan's milestones with when each was done (on time green, late orange); on a filed (approved) plan
 * the city reports a milestone done with its date — the annual assessment counts those met on time.
 */
export function PlanMilestones({
  plan,
  canReport,
  onReported,
}: {
  plan: ImplementationPlan;
  canReport: boolean;
  onReported: () => void;
}) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const [reporting, setReporting] = useState<number>();
  const [doneOn, setDoneOn] = useState('');
  const milestone = reporting === undefined ? undefined : plan.milestones[reporting];

  async function report() {
    if (reporting === undefined) return;
    try {
      await reportMilestoneDone(plan.id, reporting, doneOn);
      message.success(t('plans.milestoneReported'));
      setReporting(undefined);
      onReported();
    } catch (error) {
      message.error(errorText(error));
    }
  }

  return (
    <Space direction="vertical" size={2}>
      {plan.milestones.map((m, index) => (
        <Space key={index} size={4} wrap>
          <span>
            {m.date} {m.task}
          </span>
          {m.doneOn && (
            <Tag color={m.isOnTime ? 'green' : 'orange'}>
              {t(m.isOnTime ? 'plans.milestoneDone' : 'plans.milestoneLate', { date: m.doneOn })}
            </Tag>
          )}
          {canReport && plan.state === 'approved' && (
            <Button
              type="link"
              size="small"
              data-testid={`milestone-report-${plan.id}-${index}`}
              onClick={() => {
                setDoneOn(m.doneOn ?? '');
                setReporting(index);
              }}
            >
              {t('plans.milestoneReport')}
            </Button>
          )}
        </Space>
      ))}
      <Modal
        open={milestone !== undefined}
        title={milestone && t('plans.milestoneReportTitle', { task: milestone.task, date: milestone.date })}
        onCancel={() => setReporting(undefined)}
        onOk={() => void report()}
        okButtonProps={{ disabled: !doneOn }}
      >
        <Input
          type="date"
          aria-label={t('plans.milestoneDoneOn')}
          data-testid="milestone-done-on"
          value={doneOn}
          onChange={(e) => setDoneOn(e.target.value)}
        />
      </Modal>
    </Space>
  );
}
