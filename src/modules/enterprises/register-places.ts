import type { findPlaces } from './register-write.repository.ts';

/** Where an enterprise is recorded: a current county-level or city code and its city. */
export interface Place {
  regionCode: string;
  cityCode: string;
  /** Set when the code given was mapped (retired code, statistical zone): the row's outcome says so. */
  note?: string;
}

export type PlaceResult = { ok: true; place: Place } | { ok: false; message: string };

type FoundPlaces = Awaited<ReturnType<typeof findPlaces>>;

/**
 * Resolves the region codes of a batch from rows fetched once (DOMAIN §3): a current code is
 * kept; a retired code is mapped to its successor and a statistical zone (320576 苏州工业园区)
 * to its city, each with a note; anything else, the province itself included, is refused.
 */
export function placeResolver(found: FoundPlaces): (code: string) => PlaceResult {
  const regions = new Map(found.regions.map((r) => [r.code, r]));
  const aliases = new Map(found.aliases.map((a) => [a.code, a]));
  return (code) => {
    if (!code.startsWith('32')) return { ok: false, message: `所在地区代码 ${code} 不是江苏省的地区代码` };
    const alias = aliases.get(code);
    const region = regions.get(alias?.current_code ?? code);
    if (!region)
      return {
        ok: false,
        message: `所在地区代码 ${code} 不是江苏省现行行政区划代码，也不是已登记的撤销代码或统计用区划代码`,
      };
    if (region.level === 'province')
      return { ok: false, message: '所在地区代码应为设区市或县（市、区）代码，不能是全省 320000' };
    const cityCode = region.level === 'city' ? region.code : region.city_code;
    if (!cityCode) return { ok: false, message: `地区 ${code} 缺少所属设区市` };
    const place: Place = { regionCode: region.code, cityCode };
    if (alias?.kind === 'statistical_zone') {
      place.note = `${code} ${alias.name}是统计用区划代码，不是行政区划代码，按所属${region.name}（${region.code}）记录`;
    } else if (alias) {
      place.note = `${code} ${alias.name}为已撤销的区划代码，按现行${region.name}（${region.code}）记录：${alias.note}`;
    }
    return { ok: true, place };
  };
}
