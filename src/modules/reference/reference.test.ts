import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testDialects, type TestDatabase } from '../../test/dialects.ts';
import { loadReferenceData } from './reference.loader.ts';
import { listIndustries, listOccupations, listRegions, regionScopeCodes, resolveRegion } from './reference.service.ts';

const invalidRegion = expect.objectContaining({ code: 'INVALID_REGION' });

describe.each(testDialects())('reference data on %s', (dialect) => {
  let database: TestDatabase;
  let firstLoad: Awaited<ReturnType<typeof loadReferenceData>>;
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    firstLoad = await loadReferenceData(database.db);
  });
  afterAll(() => database.destroy());

  it('loads the province, 13 cities, 95 county-level divisions and 38 aliases', async () => {
    expect(firstLoad).toEqual({ regions: 1 + 13 + 95, regionAliases: 9 + 29, industries: 117, occupations: 85 + 1558 });
    const db = database.db;
    expect((await listRegions(db, { level: 'city', pageSize: 200 })).total).toBe(13);
    expect((await listRegions(db, { level: 'county', pageSize: 200 })).total).toBe(95);
    expect((await listRegions(db, { level: 'province' })).items).toEqual([
      expect.objectContaining({ code: '320000', name: '江苏省', cityCode: null }),
    ]);
  });

  it('writes nothing when the same files are loaded again', async () => {
    expect(await loadReferenceData(database.db)).toEqual({ regions: 0, regionAliases: 0, industries: 0, occupations: 0 });
    expect((await listRegions(database.db, { pageSize: 200 })).total).toBe(109);
  });

  it('keeps statistical zones out of the regions', async () => {
    const found = await listRegions(database.db, { q: '工业园区' });
    expect(found.total).toBe(0);
  });

  it('flags 昆山, 泰兴 and 沭阳 as directly administered', async () => {
    const regions = (await listRegions(database.db, { level: 'county', pageSize: 200 })).items;
    const direct = regions.filter((r) => r.isDirectlyAdministered).map((r) => r.code);
    expect(direct).toEqual(['320583', '321283', '321322']);
  });

  it('resolves a county with its city', async () => {
    expect(await resolveRegion(database.db, '320583')).toEqual({
      code: '320583',
      name: '昆山市',
      level: 'county',
      cityCode: '320500',
      cityName: '苏州市',
      isDirectlyAdministered: true,
    });
    expect(await resolveRegion(database.db, '３２０１００')).toMatchObject({ code: '320100', level: 'city', cityCode: '320100' });
  });

  it('maps the retired 320602 to 崇川区 320613 and says so', async () => {
    const region = await resolveRegion(database.db, '320602');
    expect(region).toMatchObject({ code: '320613', name: '崇川区', cityCode: '320600' });
    expect(region.mappedFrom).toMatchObject({ code: '320602', kind: 'retired' });
    expect(await resolveRegion(database.db, '320684')).toMatchObject({ code: '320614', mappedFrom: { code: '320684' } });
    expect(await resolveRegion(database.db, '320621')).toMatchObject({ code: '320685' });
  });

  it('maps a statistical zone to its city', async () => {
    const region = await resolveRegion(database.db, '320576');
    expect(region).toMatchObject({ code: '320500', name: '苏州市', mappedFrom: { code: '320576', kind: 'statistical_zone' } });
  });

  it('refuses unknown, foreign and malformed codes with INVALID_REGION', async () => {
    await expect(resolveRegion(database.db, '320599')).rejects.toThrow(invalidRegion);
    await expect(resolveRegion(database.db, '110105')).rejects.toThrow(invalidRegion);
    await expect(resolveRegion(database.db, '3205')).rejects.toThrow(invalidRegion);
    await expect(resolveRegion(database.db, "320500' or 1=1")).rejects.toThrow(invalidRegion);
  });

  it('scopes 苏州 to itself and its 9 divisions, 昆山 included; 昆山 to itself', async () => {
    const suzhou = await regionScopeCodes(database.db, '320500');
    expect(suzhou).toHaveLength(10);
    expect(suzhou).toContain('320583');
    expect(suzhou).not.toContain('320576');
    expect(await regionScopeCodes(database.db, '320583')).toEqual(['320583']);
    expect(await regionScopeCodes(database.db, '320000')).toHaveLength(109);
  });

  it('lists and filters regions by name, code prefix and city, with pages', async () => {
    expect((await listRegions(database.db, { q: '鼓楼' })).items.map((r) => r.code)).toEqual(['320106', '320302']);
    expect((await listRegions(database.db, { q: '3213' })).total).toBe(6);
    const nantong = await listRegions(database.db, { city: '320600', page: 2, pageSize: 3 });
    expect(nantong).toMatchObject({ total: 7, page: 2, pageSize: 3 });
    expect(nantong.items.map((r) => r.code)).toEqual(['320623', '320681', '320682']);
    expect((await listRegions(database.db, { q: '100%_' })).total).toBe(0);
  });

  it('lists all 20 sections and 97 divisions, 31 of them manufacturing', async () => {
    expect((await listIndustries(database.db, { level: 'section', pageSize: 200 })).total).toBe(20);
    expect((await listIndustries(database.db, { level: 'division', pageSize: 200 })).total).toBe(97);
    const manufacturing = await listIndustries(database.db, { level: 'division', isManufacturing: true, pageSize: 200 });
    expect(manufacturing.items.map((i) => i.code)).toEqual(Array.from({ length: 31 }, (_, i) => String(13 + i)));
    const sectionC = await listIndustries(database.db, { section: 'c', pageSize: 3 });
    expect(sectionC.items.map((i) => i.code)).toEqual(['C', '13', '14']);
    expect((await listIndustries(database.db, { q: '软件' })).items).toEqual([
      expect.objectContaining({ code: 'I' }),
      expect.objectContaining({ code: '65', name: '软件和信息技术服务业', isManufacturing: false }),
    ]);
  });

  it('lists occupations with the digital and green marks', async () => {
    const ai = await listOccupations(database.db, { q: '人工智能' });
    expect(ai.items.map((o) => o.name)).toEqual(['人工智能工程技术人员', '人工智能训练师']);
    expect(ai.items.every((o) => o.isDigital)).toBe(true);
    // The whole 小类 6-18-01 (金属切削加工人员): 7 rows of the common list and 6 of the rest.
    expect((await listOccupations(database.db, { q: '6-18-01' })).total).toBe(13);
    expect((await listOccupations(database.db, { q: '焊工' })).items).toEqual([
      { code: '6-18-02-04', name: '焊工', majorGroup: '6', isDigital: false, isGreen: false },
      { code: '6-18-03-04', name: '喷涂喷焊工', majorGroup: '6', isDigital: false, isGreen: false },
    ]);
    // An occupation of the rest of the list that carries the 数字职业 mark of its namesake in the common list.
    expect((await listOccupations(database.db, { q: '6-31-07-03' })).items).toEqual([
      { code: '6-31-07-03', name: '工业机器人系统操作员', majorGroup: '6', isDigital: true, isGreen: false },
    ]);
    expect((await listOccupations(database.db, { isGreen: true })).items.map((o) => o.name)).toContain('碳排放管理员');
    expect((await listOccupations(database.db, { majorGroup: '6', isDigital: true })).total).toBeGreaterThanOrEqual(5);
  });
});
