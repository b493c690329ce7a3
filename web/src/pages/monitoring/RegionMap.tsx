import { useMemo } from 'react';
import { Chart, type ChartEventParams } from '../../components/Chart.tsx';
import { DIRECT_COUNTY_SEATS, JIANGSU_MAP, cityNameOf, registerJiangsuMap } from '../../components/jiangsuMap.ts';
import { useI18n } from '../../locales/i18n.tsx';
import { formatIndicatorNumber } from './indicatorFormat.ts';

/** One coloured area (a city) or marked point (a directly-administered county). */
export interface MapArea {
  code: string;
  name: string;
  value: number | null;
  rank?: number | null;
}

interface RegionMapProps {
  cities: readonly MapArea[];
  counties: readonly MapArea[];
  indicatorLabel: string;
  unit: string;
  onOpenRegion: (code: string) => void;
  onDrawn?: () => void;
}

interface AreaDatum {
  name: string;
  code: string;
  label: string;
  value: number | [number, number, number | null] | null;
  rank?: number | null;
}

function valueRange(values: number[]): { min: number; max: number } {
  if (values.length === 0) return { min: 0, max: 1 };
  const min = Math.min(...values);
  const max = Math.max(...values);
  return { min: Math.min(min, 0), max: max > Math.min(min, 0) ? max : Math.min(min, 0) + 1 };
}

/**
 * Jiangsu's 13 cities coloured by the chosen indicator, with 昆山, 泰兴 and 沭阳 as marked points
 * in the same colour scale (the GeoJSON has no county outlines). A city is coloured with its
 * whole value, its directly-administered county included, as the ranking's wholeCityValue gives.
 * Clicking an area or a point opens the region's drill-down.
 */
export function RegionMap({ cities, counties, indicatorLabel, unit, onOpenRegion, onDrawn }: RegionMapProps) {
  const { t } = useI18n();
  const option = useMemo(() => {
    const format = (value: number | null | undefined) => formatIndicatorNumber(value ?? null, unit);
    const cityData: AreaDatum[] = cities.map((city) => ({
      name: city.code,
      code: city.code,
      label: city.name,
      value: city.value,
      rank: city.rank,
    }));
    const countyData: AreaDatum[] = counties
      .filter((county) => DIRECT_COUNTY_SEATS[county.code])
      .map((county) => {
        const [longitude, latitude] = DIRECT_COUNTY_SEATS[county.code]!;
        return {
          name: county.name,
          code: county.code,
          label: county.name,
          value: [longitude, latitude, county.value],
          rank: county.rank,
        };
      });
    const values = [...cities.map((city) => city.value), ...counties.map((county) => county.value)].filter(
      (value): value is number => value !== null,
    );
    const { min, max } = valueRange(values);
    const tooltip = (params: { data?: AreaDatum; name: string }) => {
      const datum = params.data;
      if (!datum) return `${cityNameOf(params.name)}<br/>${t('monitoring.mapNotInScope')}`;
      const value = Array.isArray(datum.value) ? datum.value[2] : datum.value;
      const rank = datum.rank ? `<br/>${t('monitoring.rankText', { rank: datum.rank })}` : '';
      return `${datum.label}<br/>${indicatorLabel}：${format(value)}${rank}`;
    };
    return {
      tooltip: { trigger: 'item', formatter: tooltip },
      visualMap: {
        type: 'continuous',
        min,
        max,
        seriesIndex: [0, 1],
        left: 8,
        bottom: 8,
        itemHeight: 100,
        text: [t('monitoring.mapHigh'), t('monitoring.mapLow')],
        inRange: { color: ['#e6f4ff', '#69b1ff', '#1456b8'] },
        formatter: (value: number) => format(value),
        calculable: false,
      },
      geo: {
        map: JIANGSU_MAP,
        roam: false,
        layoutCenter: ['50%', '50%'],
        layoutSize: '95%',
        label: {
          show: true,
          fontSize: 11,
          color: '#1f1f1f',
          formatter: (params: { name: string }) => cityNameOf(params.name),
        },
        itemStyle: { areaColor: '#f0f0f0', borderColor: '#ffffff', borderWidth: 1 },
        emphasis: { label: { show: true }, itemStyle: { areaColor: '#ffd666' } },
      },
      series: [
        { type: 'map', geoIndex: 0, data: cityData },
        {
          type: 'scatter',
          coordinateSystem: 'geo',
          data: countyData,
          symbolSize: 14,
          itemStyle: { borderColor: '#fa8c16', borderWidth: 2 },
          label: {
            show: true,
            position: 'right',
            formatter: (params: { data: AreaDatum }) => params.data.label,
            fontSize: 11,
            color: '#ad4e00',
          },
        },
      ],
    };
  }, [cities, counties, indicatorLabel, unit, t]);

  const events = useMemo(
    () => ({
      click: (params: ChartEventParams) => {
        const code = (params.data as AreaDatum | undefined)?.code;
        if (code) onOpenRegion(code);
      },
    }),
    [onOpenRegion],
  );

  return (
    <Chart
      option={option}
      height={440}
      prepare={registerJiangsuMap}
      onEvents={events}
      onDrawn={onDrawn}
      testId="region-map"
      ariaLabel={t('monitoring.mapAria', { indicator: indicatorLabel })}
    />
  );
}
