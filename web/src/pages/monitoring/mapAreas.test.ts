import { describe, expect, it } from 'vitest';
import type { Ranking } from '../../api/monitoring.ts';
import { peerBarsOf } from './mapAreas.ts';

const row = (code: string, name: string, value: number | null, rank: number | null) => ({
  code,
  name,
  kind: 'county' as const,
  isDirectlyAdministered: code === '320583',
  cityCode: '320500',
  value,
  rank,
});
const ranking = (peerGroup: Ranking['peer_group']): Ranking => ({
  indicator: 'absorbed_insured',
  label: '吸纳就业参保人数',
  unit: '人',
  available: true,
  period: 'plan',
  region: '320583',
  region_name: '昆山市',
  months: null,
  peer_group: peerGroup,
  rows: [row('320506', '吴中区', 2, 1), row('320583', '昆山市', 1, 2), row('320581', '常熟市', null, null)],
});

describe('a county among its peers', () => {
  it('shows the county beside the other divisions of its prefecture, itself marked', () => {
    expect(peerBarsOf(ranking({ code: '320500', name: '苏州市' }))).toEqual([
      { code: '320506', name: '吴中区', value: 2, rank: 1, isOwn: false },
      { code: '320583', name: '昆山市', value: 1, rank: 2, isOwn: true },
      { code: '320581', name: '常熟市', value: null, rank: null, isOwn: false },
    ]);
  });

  it('keeps the map for a city or the province', () => {
    expect(peerBarsOf(ranking(null))).toBeUndefined();
  });
});
