import { describe, expect, it } from 'vitest';
import { breadcrumbTrail, menuParentOf, regionSteps } from './breadcrumbs.ts';

describe('breadcrumbs', () => {
  it('lead back to the list each role opened the page from', () => {
    expect(menuParentOf('/benefits/cases/:id', 'city_hrss')).toBe('/benefits/review');
    expect(menuParentOf('/benefits/cases/:id', 'province_hrss')).toBe('/benefits/runs');
    expect(menuParentOf('/benefits/cases/:id', 'enterprise')).toBe('/benefits/mine');
    expect(menuParentOf('/monitoring/enterprises/:uscc', 'commissioner')).toBe('/monitoring/alerts');
    expect(menuParentOf('/monitoring/regions/:code', 'city_hrss')).toBe('/monitoring');
    expect(menuParentOf('/admin/users', 'sysadmin')).toBeUndefined();
  });

  it('pass through a county’s city on the way down when the user may open it', () => {
    const regions = [
      { code: '320100', name: '南京市', cityCode: null },
      { code: '320115', name: '江宁区', cityCode: '320100' },
      { code: '320500', name: '苏州市', cityCode: null },
      { code: '320583', name: '昆山市', cityCode: '320500' },
    ];
    expect(regionSteps('320115', regions, { regionCode: null, isProvince: true }, '?period=2025')).toEqual([
      { label: '南京市', to: '/monitoring/regions/320100?period=2025' },
    ]);
    expect(regionSteps('320115', regions, { regionCode: '320100', isProvince: false })).toEqual([
      { label: '南京市', to: '/monitoring/regions/320100' },
    ]);
    expect(regionSteps('320583', regions, { regionCode: '320583', isProvince: false })).toEqual([]);
    expect(regionSteps('320100', regions, { regionCode: null, isProvince: true })).toEqual([]);
  });

  it('end with the page itself, without repeating it', () => {
    expect(
      breadcrumbTrail(
        { label: '监测驾驶舱', to: '/monitoring' },
        [{ label: '南京市', to: '/monitoring/regions/320100' }],
        '江宁区',
      ),
    ).toEqual([
      { label: '监测驾驶舱', to: '/monitoring' },
      { label: '南京市', to: '/monitoring/regions/320100' },
      { label: '江宁区' },
    ]);
    expect(breadcrumbTrail(undefined, [{ label: '南京市', to: '/x' }], '南京市')).toEqual([{ label: '南京市' }]);
  });
});
