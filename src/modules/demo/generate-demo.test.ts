import { describe, expect, it } from 'vitest';
import { checkIdNumber } from '../../platform/identifiers/id-number.ts';
import { checkUscc } from '../../platform/identifiers/uscc.ts';
import { readReferenceRows } from '../reference/reference.files.ts';
import { LEAVE_REASONS } from '../workforce/leave-reasons.ts';
import { DEMO_SCALES } from './demo-scales.ts';
import { generateDemoBatches, type DemoBatch } from './generate-demo.ts';
import { generateEnterprises } from './generate-enterprises.ts';
import { createRandom, deriveSeed } from './random.ts';
import { monthIndexOf, retirementMonthOf } from './retirement.ts';

const reference = readReferenceRows();
const regions = reference.regions.filter((r) => r.level !== 'province');
const input = (seed: number, scale = DEMO_SCALES.tiny) => ({
  scale,
  seed,
  regions,
  occupations: reference.occupations,
  firstPersonId: 1,
});
const generateAll = (seed: number, scale = DEMO_SCALES.tiny): DemoBatch[] => [
  ...generateDemoBatches(input(seed, scale)),
];

describe('demo generator (pure)', () => {
  it('gives the same data for the same seed and different data for another', () => {
    const project = (batches: DemoBatch[]) => JSON.stringify(batches.map((b) => b.items));
    expect(project(generateAll(7))).toBe(project(generateAll(7)));
    expect(project(generateAll(8))).not.toBe(project(generateAll(7)));
  });

  it('draws from seeded streams only', () => {
    const a = createRandom(deriveSeed(1, 'x', 2));
    const b = createRandom(deriveSeed(1, 'x', 2));
    expect([a.next(), a.next(), a.int(1, 6)]).toEqual([b.next(), b.next(), b.int(1, 6)]);
    expect(deriveSeed(1, 'x', 2)).not.toBe(deriveSeed(1, 'x', 3));
  });

  it('covers every city and directly-administered county even at the tiny scale', () => {
    const enterprises = generateEnterprises(DEMO_SCALES.tiny, 1, regions);
    const cities = new Set(enterprises.map((e) => e.place.cityCode));
    const counties = new Set(enterprises.map((e) => e.place.regionCode));
    expect(cities.size).toBe(13);
    for (const code of ['320583', '321283', '321322']) expect(counties).toContain(code);
  });

  it('mixes tiers, sizes and industries in the shares of the register', () => {
    const enterprises = generateEnterprises(DEMO_SCALES.small, 2024, regions);
    const share = (test: (e: (typeof enterprises)[number]) => boolean) =>
      enterprises.filter(test).length / enterprises.length;
    expect(share((e) => e.recognitions.at(-1)!.tier === 'innovative')).toBeGreaterThan(0.45);
    expect(share((e) => e.recognitions.at(-1)!.tier === 'innovative')).toBeLessThan(0.65);
    expect(share((e) => e.recognitions.at(-1)!.tier === 'srdi')).toBeGreaterThan(0.28);
    expect(share((e) => e.recognitions.at(-1)!.tier === 'srdi')).toBeLessThan(0.48);
    expect(share((e) => e.recognitions.at(-1)!.tier === 'little_giant')).toBeGreaterThan(0.03);
    expect(share((e) => e.recognitions.at(-1)!.tier === 'little_giant')).toBeLessThan(0.12);
    expect(share((e) => e.size === 'small' || e.size === 'medium')).toBeGreaterThan(0.7);
    expect(share((e) => Number(e.industryCode) >= 13 && Number(e.industryCode) <= 43)).toBeGreaterThan(0.75);
    expect(share((e) => e.recognitions.length > 1)).toBeGreaterThan(0.1);
    expect(share((e) => e.recognitions.at(-1)!.validUntil < '2025-12-31')).toBeGreaterThan(0.03);
    expect(
      share(
        (e) => e.recognitions.at(-1)!.validUntil >= '2025-12-31' && e.recognitions.at(-1)!.validUntil <= '2026-03-31',
      ),
    ).toBeGreaterThan(0.03);
    // Suzhou, Wuxi, Nanjing and Changzhou hold more than half.
    expect(share((e) => ['320500', '320200', '320100', '320400'].includes(e.place.cityCode))).toBeGreaterThan(0.5);
  });

  it('keeps tier histories in order: upgrades and renewals come before the current recognition', () => {
    for (const e of generateEnterprises(DEMO_SCALES.small, 5, regions)) {
      const dates = e.recognitions.map((r) => r.recognizedOn);
      expect([...dates].sort()).toEqual(dates);
      expect(new Set(e.recognitions.map((r) => `${r.tier}|${r.recognizedOn}`)).size).toBe(dates.length);
    }
  });

  it('makes valid, distinct credit codes and ID numbers, and known leave reasons', () => {
    const ids = new Set<string>();
    const reasons = new Set(LEAVE_REASONS.map((r) => r.code));
    for (const { items } of generateAll(3, DEMO_SCALES.small)) {
      for (const { enterprise, workforce } of items) {
        const uscc = checkUscc(enterprise.uscc);
        expect(uscc.valid && uscc.regionCode).toBe(enterprise.place.regionCode);
        for (const { person } of workforce.newPersons) {
          const check = checkIdNumber(person.idNumber, { today: '2026-01-01' });
          expect(check).toMatchObject({
            valid: true,
            birthDate: person.birthDate,
            sex: person.sex,
            provinceCode: person.originProvince,
          });
          expect(person.birthDate >= '1965-01-01' && person.birthDate <= '2004-12-31').toBe(true);
          ids.add(person.idNumber);
        }
        for (const spell of workforce.spells) if (spell.leaveReason) expect(reasons).toContain(spell.leaveReason);
      }
    }
    const persons = generateAll(3, DEMO_SCALES.small).flatMap((b) => b.items.flatMap((i) => i.workforce.newPersons));
    expect(ids.size).toBe(persons.length);
    const otherProvinces = persons.filter((p) => !p.person.idNumber.startsWith('32')).length / persons.length;
    expect(otherProvinces).toBeGreaterThan(0.18);
    expect(otherProvinces).toBeLessThan(0.32);
  });

  it('follows the 2025 retirement-age reform', () => {
    expect(retirementMonthOf('1964-12-15', 'male_60')).toBe(monthIndexOf(2024, 12));
    expect(retirementMonthOf('1965-01-15', 'male_60')).toBe(monthIndexOf(2025, 2));
    expect(retirementMonthOf('1965-05-15', 'male_60')).toBe(monthIndexOf(2025, 7));
    expect(retirementMonthOf('1975-01-15', 'female_50')).toBe(monthIndexOf(2025, 2));
    expect(retirementMonthOf('1975-03-15', 'female_50')).toBe(monthIndexOf(2025, 5));
    expect(retirementMonthOf('1970-01-15', 'female_55')).toBe(monthIndexOf(2025, 2));
  });
});
