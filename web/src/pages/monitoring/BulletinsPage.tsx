import { DownloadOutlined, FileAddOutlined, PrinterOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Checkbox,
  Form,
  Select,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
  type TableProps,
} from 'antd';
import { useEffect, useMemo, useState } from 'react';
import {
  bulletinPageUrl,
  downloadBulletinWorkbook,
  generateBulletin,
  listBulletins,
  type Bulletin,
} from '../../api/bulletins.ts';
import { getKpi } from '../../api/monitoring.ts';
import { useCurrentUser } from '../../app/auth.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { listKeeperOptions, useRegions } from '../../components/referenceOptions.ts';
import { useRemoteData } from '../../components/useRemoteData.ts';
import { useErrorText, useI18n } from '../../locales/i18n.tsx';
import { saveBlob } from '../../utils/download.ts';
import { formatDateTime } from '../../utils/format.ts';
import { formatPeriod } from '../../utils/period.ts';
import { splitMonth, yearsBetween } from '../../utils/reportPeriod.ts';
import { bulletinQueryOf, generationRequestOf, type BulletinPickerValues } from './bulletinFilters.ts';

const STATUS_COLORS: Record<string, string> = { ready: 'green', generating: 'processing', failed: 'red' };
const FIRST_YEAR = 2024;

/** The month before today's: the 通报 normally reports on the last full month. */
function lastMonth(today = new Date()): { year: number; month: number } {
  const date = new Date(today.getFullYear(), today.getMonth() - 1, 1);
  return { year: date.getFullYear(), month: date.getMonth() + 1 };
}

/** The latest month with data (GET /kpi's data_through), or else last month. */
function useDefaultMonth(): { year: number; month: number } | undefined {
  const kpi = useRemoteData(() => getKpi({}), 'data-through');
  if (kpi.isLoading) return undefined;
  return kpi.data?.data_through ? splitMonth(kpi.data.data_through) : lastMonth();
}

/**
 * 监测通报 (/monitoring/bulletins): the monthly bulletins in the caller's scope, the latest generated
 * first. The year, month and region pickers filter the list (on the server) and name the bulletin
 * that 生成通报 makes: province and city officials generate one for a month (the province also
 * for a city), download its Excel workbook or open its printable page in a new tab. Months
 * without data have no bulletin; older empty records show only when asked.
 */
export default function BulletinsPage() {
  const { t } = useI18n();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const regions = useRegions();
  const [form] = Form.useForm<BulletinPickerValues>();
  const [values, setValues] = useState<BulletinPickerValues>({});
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [isGenerating, setIsGenerating] = useState(false);
  const [downloading, setDownloading] = useState<number>();
  const defaultMonth = useDefaultMonth();
  const query = bulletinQueryOf(values, paging.page, paging.pageSize);
  // The list waits for the pickers' first values (the latest month with data) to ask once.
  const [hasDefaults, setHasDefaults] = useState(false);
  const bulletins = useRemoteData(
    () => (hasDefaults ? listBulletins(query) : new Promise<never>(() => undefined)),
    JSON.stringify({ query, hasDefaults }),
  );
  const mayGenerate = user.role === 'province_hrss' || user.role === 'city_hrss';
  const isProvince = user.role === 'province_hrss';
  const start = lastMonth();
  const years = yearsBetween(FIRST_YEAR, start.year);
  const request = generationRequestOf(values, isProvince);
  useEffect(() => {
    if (!defaultMonth) return;
    if (!form.isFieldsTouched(['year', 'month'])) form.setFieldsValue(defaultMonth);
    setValues(form.getFieldsValue());
    setHasDefaults(true);
  }, [defaultMonth?.year, defaultMonth?.month, form]);
  const regionChoices = useMemo(
    () => [{ value: '320000', label: t('monitoring.wholeProvince') }, ...listKeeperOptions(regions)],
    [regions, t],
  );

  function changeFilters(_: unknown, all: BulletinPickerValues) {
    setValues(all);
    setPaging((current) => ({ ...current, page: 1 }));
  }

  async function generate() {
    if (!request) return;
    setIsGenerating(true);
    try {
      const bulletin = await generateBulletin(request);
      message.success(t('bulletins.generated', { period: formatPeriod(bulletin.period), region: bulletin.regionName }));
      // The new bulletin heads the list (latest generated first): show the first page.
      setPaging((current) => ({ ...current, page: 1 }));
      bulletins.reload();
    } catch (error) {
      message.error(errorText(error));
    } finally {
      setIsGenerating(false);
    }
  }

  async function download(bulletin: Bulletin) {
    setDownloading(bulletin.id);
    try {
      const { blob, fileName } = await downloadBulletinWorkbook(bulletin.id);
      saveBlob(blob, fileName);
    } catch (error) {
      message.error(errorText(error));
    } finally {
      setDownloading(undefined);
    }
  }

  const columns: TableProps<Bulletin>['columns'] = [
    { title: t('bulletins.period'), dataIndex: 'period', render: (period: number) => formatPeriod(period) },
    { title: t('monitoring.region'), dataIndex: 'regionName' },
    {
      title: t('bulletins.trigger'),
      dataIndex: 'trigger',
      render: (trigger: string) =>
        trigger === 'schedule' ? t('bulletins.trigger.schedule') : t('bulletins.trigger.manual'),
    },
    {
      title: t('bulletins.status'),
      dataIndex: 'status',
      render: (status: string, bulletin) => (
        <Tag color={STATUS_COLORS[status] ?? 'default'} title={bulletin.error ?? undefined}>
          {status === 'ready' || status === 'generating' || status === 'failed'
            ? t(`bulletins.status.${status}`)
            : status}
        </Tag>
      ),
    },
    {
      title: t('bulletins.summary'),
      dataIndex: 'summary',
      width: 360,
      render: (summary: string | null, bulletin) =>
        bulletin.hasData ? (summary ?? t('common.none')) : <Tag>{t('bulletins.noData')}</Tag>,
    },
    { title: t('bulletins.createdAt'), dataIndex: 'createdAt', render: (at: string) => formatDateTime(at) },
    {
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      render: (_, bulletin) =>
        bulletin.status === 'ready' && (
          <Space size={0}>
            <Button
              type="link"
              size="small"
              icon={<DownloadOutlined />}
              loading={downloading === bulletin.id}
              onClick={() => void download(bulletin)}
            >
              {t('bulletins.downloadExcel')}
            </Button>
            <Button
              type="link"
              size="small"
              icon={<PrinterOutlined />}
              href={bulletinPageUrl(bulletin.id)}
              target="_blank"
              rel="noopener"
            >
              {t('bulletins.printPage')}
            </Button>
          </Space>
        ),
    },
  ];

  return (
    <Card title={t('bulletins.title')}>
      <Form<BulletinPickerValues>
        form={form}
        layout="inline"
        onValuesChange={changeFilters}
        style={{ rowGap: 12, marginBottom: 16 }}
        aria-label={t('bulletins.filters')}
      >
        <Form.Item label={t('bulletins.year')} name="year">
          <Select
            style={{ width: 120 }}
            allowClear
            placeholder={t('bulletins.allYears')}
            options={years.map((year) => ({ value: year, label: t('monitoring.yearN', { year }) }))}
          />
        </Form.Item>
        <Form.Item label={t('bulletins.month')} name="month">
          <Select
            style={{ width: 120 }}
            allowClear
            placeholder={t('bulletins.allMonths')}
            options={Array.from({ length: 12 }, (_, index) => ({
              value: index + 1,
              label: t('monitoring.monthN', { month: index + 1 }),
            }))}
          />
        </Form.Item>
        {isProvince && (
          <Form.Item label={t('monitoring.region')} name="region">
            <Select
              style={{ width: 200 }}
              allowClear
              placeholder={t('bulletins.allRegions')}
              options={regionChoices}
              showSearch={{ optionFilterProp: 'label' }}
            />
          </Form.Item>
        )}
        <Form.Item name="includeEmpty" valuePropName="checked">
          <Checkbox>{t('bulletins.includeEmpty')}</Checkbox>
        </Form.Item>
        {mayGenerate && (
          <Space wrap>
            <Tooltip title={request ? undefined : t('bulletins.pickMonth')}>
              <Button
                type="primary"
                icon={<FileAddOutlined />}
                loading={isGenerating}
                disabled={!request}
                onClick={() => void generate()}
              >
                {t('bulletins.generate')}
              </Button>
            </Tooltip>
            <Typography.Text type="secondary">
              {isProvince
                ? t('bulletins.generateFor', {
                    region:
                      values.region && values.region !== '320000'
                        ? (regionChoices.find((c) => c.value === values.region)?.label ?? '')
                        : t('monitoring.wholeProvince'),
                  })
                : t('bulletins.ownRegion', { region: user.regionName ?? '' })}
            </Typography.Text>
          </Space>
        )}
      </Form>
      <LoadError error={bulletins.error} />
      <div data-testid="bulletins-table">
        <Table<Bulletin>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={bulletins.data?.items}
          loading={bulletins.isLoading}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('bulletins.empty') }}
          pagination={{
            current: paging.page,
            pageSize: paging.pageSize,
            total: bulletins.data?.total ?? 0,
            showTotal: (total) => t('common.total', { total }),
          }}
          onChange={(pagination) => setPaging({ page: pagination.current ?? 1, pageSize: pagination.pageSize ?? 20 })}
        />
      </div>
    </Card>
  );
}
