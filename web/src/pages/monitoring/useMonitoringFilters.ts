import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { TIERS, type Tier } from '../../api/enterprises.ts';
import type { IndicatorQuery } from '../../api/monitoring.ts';

/** The dashboard's filters and the map's indicator, kept in the address so Back and links keep them. */
export interface MonitoringFilters extends IndicatorQuery {
  period: string;
  /** The indicator colouring the map and ordering the ranking. */
  indicator: string;
}

export const DEFAULT_MAP_INDICATOR = 'absorbed_insured';
const FILTER_KEYS = ['period', 'region', 'tier', 'industry', 'indicator'] as const;

function readFilters(params: URLSearchParams): MonitoringFilters {
  const tier = params.get('tier');
  return {
    period: params.get('period') || 'plan',
    region: params.get('region') || undefined,
    tier: TIERS.includes(tier as Tier) ? (tier as Tier) : undefined,
    industry: params.get('industry') || undefined,
    indicator: params.get('indicator') || DEFAULT_MAP_INDICATOR,
  };
}

/** `?period=…&tier=…` for links to the drill-down pages (only the filters that are set). */
export function filterSearch(
  filters: Partial<MonitoringFilters>,
  keys: readonly (keyof MonitoringFilters)[] = FILTER_KEYS,
): string {
  const params = new URLSearchParams();
  for (const key of keys) {
    const value = filters[key];
    const isDefault =
      (key === 'period' && value === 'plan') || (key === 'indicator' && value === DEFAULT_MAP_INDICATOR);
    if (value && !isDefault) params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The query the indicator endpoints read (the map's indicator left out). */
export function indicatorQueryOf(filters: MonitoringFilters): IndicatorQuery {
  return { period: filters.period, region: filters.region, tier: filters.tier, industry: filters.industry };
}

/** Reads and changes the filters in the address (replacing the entry, so Back leaves the page). */
export function useMonitoringFilters(): [MonitoringFilters, (change: Partial<MonitoringFilters>) => void] {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => readFilters(params), [params]);
  const update = useCallback(
    (change: Partial<MonitoringFilters>) => {
      const next = { ...readFilters(params), ...change };
      const search = filterSearch(next);
      setParams(new URLSearchParams(search), { replace: true });
    },
    [params, setParams],
  );
  return [filters, update];
}
