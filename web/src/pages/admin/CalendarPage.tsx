import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Space, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { getCalendar, loadCalendarYear, type CalendarVersion } from '../../api/calendar.ts';
import { isApiError } from '../../api/client.ts';
import { useCurrentUser } from '../../app/auth.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { useRemoteData } from '../../components/useRemoteData.ts';
import { useErrorText, useI18n } from '../../locales/i18n.tsx';
import { formatDateTime } from '../../utils/format.ts';

const EXAMPLE = `year: 2027
document_number: 国办发明电〔2026〕N号
holidays:
  - { date: 2027-01-01, name: 元旦 }
  - { from: 2027-02-05, to: 2027-02-11, name: 春节 }
workdays:
  - { date: 2027-02-14, name: 春节 }`;

/**
 * 工作日历: the years the built-in calendar carries, the years loaded from the State Council's
 * notice (every version, who loaded it, when), and — for the system administrator — loading a
 * year from a JSON or YAML file. Deadlines on that year are recomputed by the server.
 */
export default function CalendarPage() {
  const { t } = useI18n();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const calendar = useRemoteData(() => getCalendar(), 'calendar');
  const [problems, setProblems] = useState<string[]>();
  const [isBusy, setIsBusy] = useState(false);

  async function load(file: File) {
    setIsBusy(true);
    setProblems(undefined);
    try {
      const result = await loadCalendarYear(await file.text(), file.name);
      message.success(
        result.is_unchanged
          ? t('calendar.unchanged', { year: result.year, version: result.version })
          : t('calendar.loaded', {
              year: result.year,
              version: result.version,
              reviews: result.recomputed.reviews,
              publicity: result.recomputed.publicity,
            }),
      );
      calendar.reload();
    } catch (cause) {
      const details = isApiError(cause) ? (cause.details as { problems?: string[] } | undefined) : undefined;
      setProblems(details?.problems ?? [errorText(cause)]);
    } finally {
      setIsBusy(false);
    }
  }

  const data = calendar.data;
  const versionRows = (data?.years ?? []).flatMap((year) => year.versions.map((v) => ({ ...v, year: year.year })));
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <LoadError error={calendar.error} />
      {data?.reminder.is_due && (
        <Alert type="warning" showIcon title={data.reminder.message} data-testid="calendar-reminder" />
      )}
      <Card title={t('calendar.title')}>
        <Descriptions
          column={1}
          items={
            data
              ? [
                  {
                    key: 'package',
                    label: t('calendar.package'),
                    children: t('calendar.packageYears', {
                      first: data.package.first_year,
                      last: data.package.last_year,
                    }),
                  },
                  {
                    key: 'loaded',
                    label: t('calendar.loadedYears'),
                    children:
                      data.years.length > 0 ? data.years.map((y) => y.year).join('、') : t('calendar.noYearLoaded'),
                  },
                  {
                    key: 'next',
                    label: t('calendar.nextYear', { year: data.reminder.next_year }),
                    children: data.reminder.is_next_year_covered ? (
                      <Tag color="green">{t('calendar.covered')}</Tag>
                    ) : (
                      <Tag color="orange">{t('calendar.missing')}</Tag>
                    ),
                  },
                ]
              : []
          }
        />
        <Typography.Paragraph type="secondary">{t('calendar.provisionalRule')}</Typography.Paragraph>
      </Card>
      {user.role === 'sysadmin' && (
        <Card title={t('calendar.load')}>
          <Typography.Paragraph>{t('calendar.loadHint')}</Typography.Paragraph>
          <Typography.Paragraph>
            <pre data-code-hint style={{ margin: 0, overflowX: 'auto' }}>
              {EXAMPLE}
            </pre>
          </Typography.Paragraph>
          <Upload
            accept=".json,.yaml,.yml"
            showUploadList={false}
            beforeUpload={(file) => {
              void load(file);
              return false;
            }}
          >
            <Button type="primary" icon={<UploadOutlined />} loading={isBusy} data-testid="calendar-upload">
              {t('calendar.choose')}
            </Button>
          </Upload>
          {problems && (
            <Alert
              type="error"
              showIcon
              style={{ marginTop: 16 }}
              title={t('calendar.refused')}
              description={
                <ul style={{ margin: 0, paddingLeft: 20 }}>
                  {problems.map((p) => (
                    <li key={p}>{p}</li>
                  ))}
                </ul>
              }
            />
          )}
        </Card>
      )}
      <Card title={t('calendar.versions')}>
        <Table<CalendarVersion & { year: number }>
          rowKey={(row) => `${row.year}-${row.version}`}
          size="small"
          scroll={{ x: 'max-content' }}
          loading={calendar.isLoading}
          dataSource={versionRows}
          pagination={false}
          locale={{ emptyText: t('calendar.noneLoaded') }}
          expandable={{ expandedRowRender: (row) => <DayList version={row} /> }}
          columns={[
            { title: t('calendar.year'), dataIndex: 'year', fixed: 'left' },
            { title: t('calendar.version'), dataIndex: 'version' },
            {
              title: t('calendar.documentNumber'),
              dataIndex: 'document_number',
              render: (text: string, row) =>
                row.url ? (
                  <a href={row.url} target="_blank" rel="noreferrer">
                    {text}
                  </a>
                ) : (
                  text
                ),
            },
            {
              title: t('calendar.days'),
              key: 'days',
              render: (_, row) =>
                t('calendar.dayCounts', { holidays: row.holidays.length, workdays: row.workdays.length }),
            },
            {
              title: t('calendar.loadedBy'),
              key: 'by',
              render: (_, row) => `${row.loaded_by} · ${formatDateTime(row.loaded_at)}`,
            },
            {
              title: t('calendar.status'),
              key: 'status',
              render: (_, row) =>
                row.is_current ? (
                  <Tag color="green">{t('calendar.current')}</Tag>
                ) : (
                  <Tag>{t('calendar.superseded', { at: formatDateTime(row.superseded_at) })}</Tag>
                ),
            },
          ]}
        />
      </Card>
    </Space>
  );
}

function DayList({ version }: { version: CalendarVersion }) {
  const { t } = useI18n();
  const line = (days: { date: string; name: string }[]) =>
    days.length > 0 ? days.map((d) => `${d.date} ${d.name}`).join('；') : t('common.none');
  return (
    <Descriptions
      column={1}
      size="small"
      items={[
        { key: 'title', label: t('calendar.noticeTitle'), children: version.title },
        { key: 'holidays', label: t('calendar.holidays'), children: line(version.holidays) },
        { key: 'workdays', label: t('calendar.workdays'), children: line(version.workdays) },
      ]}
    />
  );
}
