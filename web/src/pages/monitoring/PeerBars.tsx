import { useMemo } from 'react';
import { Chart } from '../../components/Chart.tsx';
import { useI18n } from '../../locales/i18n.tsx';
import { formatIndicatorNumber } from './indicatorFormat.ts';
import type { PeerBar } from './mapAreas.ts';

interface PeerBarsProps {
  bars: readonly PeerBar[];
  indicatorLabel: string;
  unit: string;
  onOpenRegion: (code: string) => void;
  onDrawn?: () => void;
}

/** A county's figure beside its peers' as horizontal bars, its own bar highlighted; its own bar opens its drill-down. */
export function PeerBars({ bars, indicatorLabel, unit, onOpenRegion, onDrawn }: PeerBarsProps) {
  const { t } = useI18n();
  const option = useMemo(() => {
    // Highest at the top: ECharts draws a category axis from the bottom.
    const ordered = [...bars].reverse();
    return {
      tooltip: {
        trigger: 'item',
        formatter: (params: { name: string; value: number | null }) =>
          `${params.name}<br/>${indicatorLabel}：${formatIndicatorNumber(params.value ?? null, unit)}`,
      },
      grid: { left: 8, right: 56, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', axisLabel: { formatter: (value: number) => formatIndicatorNumber(value, unit) } },
      yAxis: { type: 'category', data: ordered.map((bar) => bar.name), axisLabel: { fontWeight: 'normal' } },
      series: [
        {
          type: 'bar',
          data: ordered.map((bar) => ({
            value: bar.value,
            code: bar.code,
            itemStyle: { color: bar.isOwn ? '#fa8c16' : '#91caff' },
          })),
          label: {
            show: true,
            position: 'right',
            formatter: (params: { value: number | null }) => formatIndicatorNumber(params.value ?? null, unit),
          },
        },
      ],
    };
  }, [bars, indicatorLabel, unit]);
  const events = useMemo(
    () => ({
      click: (params: { data?: unknown }) => {
        const code = (params.data as { code?: string } | undefined)?.code;
        if (code && bars.find((bar) => bar.code === code)?.isOwn) onOpenRegion(code);
      },
    }),
    [bars, onOpenRegion],
  );
  return (
    <Chart
      option={option}
      height={Math.max(240, bars.length * 32 + 40)}
      onEvents={events}
      onDrawn={onDrawn}
      testId="peer-bars"
      ariaLabel={t('monitoring.peersAria', { indicator: indicatorLabel })}
    />
  );
}
