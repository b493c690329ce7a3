/**
 * The province and the sixteen addressees of the notice (13 cities and the directly-administered
 * 昆山, 泰兴, 沭阳), GB/T 2260 codes as in data/jiangsu-divisions-2023.csv. Policies set their
 * parameters at these levels; the public calculator needs them without a login, where
 * GET /reference/regions needed a login when this list was written (it is public now and can replace it).
 */
export const JIANGSU_REGIONS: readonly { code: string; name: string }[] = [
  { code: '320000', name: '江苏省' },
  { code: '320100', name: '南京市' },
  { code: '320200', name: '无锡市' },
  { code: '320300', name: '徐州市' },
  { code: '320400', name: '常州市' },
  { code: '320500', name: '苏州市' },
  { code: '320583', name: '昆山市' },
  { code: '320600', name: '南通市' },
  { code: '320700', name: '连云港市' },
  { code: '320800', name: '淮安市' },
  { code: '320900', name: '盐城市' },
  { code: '321000', name: '扬州市' },
  { code: '321100', name: '镇江市' },
  { code: '321200', name: '泰州市' },
  { code: '321283', name: '泰兴市' },
  { code: '321300', name: '宿迁市' },
  { code: '321322', name: '沭阳县' },
];

/** 321000 → 扬州市; an unknown code stays a code. */
export function jiangsuRegionName(code: string): string {
  return JIANGSU_REGIONS.find((region) => region.code === code)?.name ?? code;
}
