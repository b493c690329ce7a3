import { useEffect, useState } from 'react';
import { listReference, type Industry, type Region } from '../api/reference.ts';
import type { CurrentUser } from '../api/types.ts';
import type { Translate } from '../locales/i18n.tsx';

// Both lists are small (about 110 and 120 entries) and never change during a session:
// one request each, shared by every filter bar that needs them.
const PAGE_SIZE = 200;
let regionsLoading: Promise<Region[]> | undefined;
let industriesLoading: Promise<Industry[]> | undefined;

function loadOnce<T>(
  current: Promise<T[]> | undefined,
  load: () => Promise<T[]>,
  remember: (p: Promise<T[]> | undefined) => void,
): Promise<T[]> {
  if (current) return current;
  const loading = load().catch((error: unknown) => {
    remember(undefined); // a failed load is tried again next time
    throw error;
  });
  remember(loading);
  return loading;
}

function useLoaded<T>(load: () => Promise<T[]>): T[] {
  const [items, setItems] = useState<T[]>([]);
  useEffect(() => {
    let isCurrent = true;
    load()
      .then((loaded) => isCurrent && setItems(loaded))
      .catch(() => undefined); // the pickers stay empty; the list itself reports errors
    return () => {
      isCurrent = false;
    };
    // `load` is one of the module-level loaders below, stable for the session.
  }, []);
  return items;
}

/** Every Jiangsu division (province, 13 cities, county level). */
export function useRegions(): Region[] {
  return useLoaded(() =>
    loadOnce(
      regionsLoading,
      () => listReference('regions', { pageSize: PAGE_SIZE }).then((page) => page.items),
      (p) => (regionsLoading = p),
    ),
  );
}

/** GB/T 4754 sections and divisions. */
export function useIndustries(): Industry[] {
  return useLoaded(() =>
    loadOnce(
      industriesLoading,
      () => listReference('industries', { pageSize: PAGE_SIZE }).then((page) => page.items),
      (p) => (industriesLoading = p),
    ),
  );
}

export interface RegionOption {
  value: string;
  label: string;
  children?: RegionOption[];
}

/**
 * Cities with their districts and counties, for a cascader. A city or county official only
 * gets their own region (the server would answer nothing outside it anyway).
 */
export function regionTree(regions: readonly Region[], user: CurrentUser): RegionOption[] {
  const counties = (cityCode: string) =>
    regions
      .filter((region) => region.level === 'county' && region.cityCode === cityCode)
      .map((region) => ({ value: region.code, label: region.name }));
  const cities = regions
    .filter((region) => region.level === 'city')
    .map((city) => ({ value: city.code, label: city.name, children: counties(city.code) }));
  if (user.role !== 'city_hrss' || !user.regionCode) return cities;
  const ownCity = cities.find((city) => city.value === user.regionCode);
  if (ownCity) return [ownCity];
  const ownCounty = regions.find((region) => region.code === user.regionCode);
  return ownCounty ? [{ value: ownCounty.code, label: ownCounty.name }] : [];
}

/** The lists of key enterprises are kept by the 13 cities and the 3 directly-administered counties. */
export function listKeeperOptions(regions: readonly Region[]): { value: string; label: string }[] {
  return regions
    .filter((region) => region.level === 'city' || region.isDirectlyAdministered)
    .map((region) => ({ value: region.code, label: region.name }));
}

/** 制造业 first (what the plan is about), then each section with its divisions. */
export function industryOptions(industries: readonly Industry[], t: Translate) {
  const sections = industries.filter((industry) => industry.level === 'section');
  return [
    { value: 'manufacturing', label: t('enterprises.manufacturing') },
    ...sections.map((section) => ({
      label: `${section.code} ${section.name}`,
      title: section.name,
      options: [
        ...(section.code === 'C'
          ? []
          : [
              {
                value: section.code,
                label: t('enterprises.wholeSection', { name: `${section.code} ${section.name}` }),
              },
            ]),
        ...industries
          .filter((industry) => industry.level === 'division' && industry.section === section.code)
          .map((division) => ({ value: division.code, label: `${division.code} ${division.name}` })),
      ],
    })),
  ];
}
