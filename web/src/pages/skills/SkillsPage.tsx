import { Card, Tabs } from 'antd';
import { getKpi } from '../../api/monitoring.ts';
import { useCurrentUser } from '../../app/auth.tsx';
import { useRemoteData } from '../../components/useRemoteData.ts';
import { useI18n } from '../../locales/i18n.tsx';
import { BasesTab } from './BasesTab.tsx';
import { TalentEvaluationTab } from './TalentEvaluationTab.tsx';
import { ProgrammesTab } from './ProgrammesTab.tsx';
import { TrainingTab } from './TrainingTab.tsx';

/** 技能人才: training programmes and person-times against the plan (SPEC §2.8). */
export default function SkillsPage() {
  const { t } = useI18n();
  const user = useCurrentUser();
  const canRecord = user.role === 'province_hrss' || user.role === 'city_hrss';
  const isEnterprise = user.role === 'enterprise';
  const kpi = useRemoteData(() => (isEnterprise ? Promise.resolve(undefined) : getKpi({ period: 'plan' })), 'kpi');
  const target = (key: string) => kpi.data?.indicators[key]?.target;
  // An enterprise keeps its own internship base and its trainees here (就业见习).
  if (isEnterprise)
    return (
      <Card title={t('menu.ownInternship')}>
        <BasesTab role={user.role} />
      </Card>
    );
  return (
    <Card title={t('skills.title')}>
      <Tabs
        items={[
          {
            key: 'training',
            label: t('skills.tabTraining'),
            children: (
              <TrainingTab
                targets={{
                  total: target('training_person_times'),
                  manufacturing: target('training_manufacturing_person_times'),
                  digital: target('training_digital_person_times'),
                }}
              />
            ),
          },
          { key: 'programmes', label: t('skills.tabProgrammes'), children: <ProgrammesTab canRecord={canRecord} /> },
          { key: 'bases', label: t('skills.tabBases'), children: <BasesTab role={user.role} /> },
          { key: 'talent', label: t('skills.tabTalent'), children: <TalentEvaluationTab canRecord={canRecord} /> },
        ]}
      />
    </Card>
  );
}
