import { describe, expect, it } from 'vitest';
import { bulletinQueryOf, generationRequestOf } from './bulletinFilters.ts';

describe('the 通报 pickers', () => {
  it('filter the list on the server by year, month and region', () => {
    expect(bulletinQueryOf({ year: 2025, month: 12, region: '320100' }, 1, 20)).toEqual({
      page: 1,
      pageSize: 20,
      year: 2025,
      month: 12,
      region: '320100',
    });
    expect(bulletinQueryOf({ year: 2025 }, 2, 50)).toEqual({ page: 2, pageSize: 50, year: 2025 });
    expect(bulletinQueryOf({ region: '', includeEmpty: true }, 1, 20)).toEqual({
      page: 1,
      pageSize: 20,
      includeEmpty: true,
    });
  });

  it('name the bulletin to generate only once a month is chosen', () => {
    expect(generationRequestOf({ year: 2025 }, true)).toBeUndefined();
    expect(generationRequestOf({ year: 2025, month: 3 }, true)).toEqual({ period: 202503 });
    expect(generationRequestOf({ year: 2025, month: 3, region: '320000' }, true)).toEqual({ period: 202503 });
    expect(generationRequestOf({ year: 2025, month: 3, region: '320500' }, true)).toEqual({
      period: 202503,
      region: '320500',
    });
    // A city official's bulletin is their own region's whatever the picker says.
    expect(generationRequestOf({ year: 2025, month: 3, region: '320500' }, false)).toEqual({ period: 202503 });
  });
});
