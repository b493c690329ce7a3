import type { BulletinQuery } from '../../api/bulletins.ts';

/** The pickers above the 通报 list: they narrow the list and name the bulletin to generate. */
export interface BulletinPickerValues {
  year?: number;
  month?: number;
  /** '320000' for the province's own bulletin, a city code, or empty for every region in scope. */
  region?: string;
  includeEmpty?: boolean;
}

/** The list request (server-side filters) for the pickers' values; the page returns to 1 when a filter changes. */
export function bulletinQueryOf(values: BulletinPickerValues, page: number, pageSize: number): BulletinQuery {
  return {
    page,
    pageSize,
    ...(values.year ? { year: values.year } : {}),
    ...(values.month ? { month: values.month } : {}),
    ...(values.region ? { region: values.region } : {}),
    ...(values.includeEmpty ? { includeEmpty: true } : {}),
  };
}

/**
 * What 生成通报 asks for, or undefined while no single month is chosen. The province's official
 * generates the province's (no region or 320000) or a city's; a city official always their own.
 */
export function generationRequestOf(
  values: BulletinPickerValues,
  isProvince: boolean,
): { period: number; region?: string } | undefined {
  if (!values.year || !values.month) return undefined;
  const period = values.year * 100 + values.month;
  const region = isProvince && values.region && values.region !== '320000' ? values.region : undefined;
  return region ? { period, region } : { period };
}
