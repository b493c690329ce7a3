import { describe, expect, it } from 'vitest';
import type { Region } from '../api/reference.ts';
import type { CurrentUser } from '../api/types.ts';
import { listKeeperOptions, regionTree } from './referenceOptions.ts';

const region = (
  code: string,
  name: string,
  level: Region['level'],
  cityCode: string | null = null,
  isDirectlyAdministered = false,
): Region => ({ code, name, level, kind: level, cityCode, isDirectlyAdministered });

const REGIONS: Region[] = [
  region('320000', '江苏省', 'province'),
  region('320100', '南京市', 'city'),
  region('320106', '鼓楼区', 'county', '320100'),
  region('320115', '江宁区', 'county', '320100'),
  region('320500', '苏州市', 'city'),
  region('320583', '昆山市', 'county', '320500', true),
];

const user = (role: CurrentUser['role'], regionCode: string | null = null): CurrentUser => ({
  id: 1,
  username: 'u',
  displayName: 'U',
  role,
  roleLabel: '',
  regionCode,
  regionName: null,
  uscc: null,
});

describe('regionTree', () => {
  it('gives the province every city with its counties', () => {
    const tree = regionTree(REGIONS, user('province_miit'));
    expect(tree.map((city) => city.label)).toEqual(['南京市', '苏州市']);
    expect(tree[0]?.children?.map((county) => county.value)).toEqual(['320106', '320115']);
  });

  it('gives a city official their city, and a county official their county', () => {
    expect(regionTree(REGIONS, user('city_hrss', '320100')).map((city) => city.label)).toEqual(['南京市']);
    expect(regionTree(REGIONS, user('city_hrss', '320583'))).toEqual([{ value: '320583', label: '昆山市' }]);
  });
});

describe('listKeeperOptions', () => {
  it('lists the cities and the directly-administered counties', () => {
    expect(listKeeperOptions(REGIONS).map((option) => option.label)).toEqual(['南京市', '苏州市', '昆山市']);
  });
});
