import { enterpriseContentHash } from '../enterprises/content-hash.ts';
import type { PersonalDataCipher } from '../../platform/crypto/personal-data.ts';
import type { DemoRows } from './demo.repository.ts';
import type { DemoBatch } from './generate-demo.ts';
import type { DemoEnterprise } from './generate-enterprises.ts';
import type { EnterpriseWorkforce } from './generate-workforce.ts';

/** What turning a batch into rows needs besides the batch. */
export interface RowStamp {
  cipher: PersonalDataCipher;
  now: string;
  runId: number;
  /** Change-feed number of the batch's first enterprise. */
  firstChangeSeq: number;
}

/** The table rows of one generated batch; ID and phone numbers leave only encrypted and indexed. */
export function toDemoRows(batch: DemoBatch, stamp: RowStamp): DemoRows {
  const rows: DemoRows = {
    enterprise_changes: [],
    enterprises: [],
    enterprise_recognitions: [],
    persons: [],
    employment_spells: [],
    roster_periods: [],
    contributions: [],
    graduates: [],
    skill_certificates: [],
    professional_titles: [],
    unemployment_registrations: [],
    poverty_status: [],
  };
  batch.items.forEach(({ enterprise, workforce }, i) => {
    addEnterprise(rows, enterprise, stamp, stamp.firstChangeSeq + i);
    addWorkforce(rows, enterprise.uscc, workforce, stamp);
  });
  for (const r of batch.openRegistrations)
    rows.unemployment_registrations.push({
      person_id: r.personId,
      registered_on: r.registeredOn,
      closed_on: r.closedOn,
    });
  return rows;
}

function addEnterprise(rows: DemoRows, enterprise: DemoEnterprise, stamp: RowStamp, seq: number): void {
  const current = enterprise.recognitions.at(-1)!;
  const fields = {
    uscc: enterprise.uscc,
    name: enterprise.name,
    region_code: enterprise.place.regionCode,
    city_code: enterprise.place.cityCode,
    industry_code: enterprise.industryCode,
    size: enterprise.size,
    tier: current.tier,
    recognized_on: current.recognizedOn,
    valid_until: current.validUntil,
    contact_name: enterprise.contactName,
    contact_phone_index: stamp.cipher.blindIndex('phone', enterprise.contactPhone),
  };
  rows.enterprise_changes.push({ seq, uscc: enterprise.uscc, changed_at: stamp.now, source: 'demo' });
  rows.enterprises.push({
    ...fields,
    contact_phone_enc: stamp.cipher.encrypt(enterprise.contactPhone),
    content_hash: enterpriseContentHash(fields),
    change_seq: seq,
    created_at: stamp.now,
    updated_at: stamp.now,
  });
  for (const r of enterprise.recognitions) {
    rows.enterprise_recognitions.push({
      uscc: enterprise.uscc,
      tier: r.tier,
      recognized_on: r.recognizedOn,
      valid_until: r.validUntil,
      recorded_at: stamp.now,
      source: 'demo',
    });
  }
}

function addWorkforce(rows: DemoRows, uscc: string, workforce: EnterpriseWorkforce, stamp: RowStamp): void {
  for (const { person, registries } of workforce.newPersons) {
    const id = person.id;
    rows.persons.push({
      id,
      id_index: stamp.cipher.blindIndex('id', person.idNumber),
      id_enc: stamp.cipher.encrypt(person.idNumber),
      name: person.name,
      birth_date: person.birthDate,
      sex: person.sex,
      origin_province: person.originProvince,
      created_at: stamp.now,
    });
    const { graduate: g, skill: s, title: t, unemployment: u, poverty } = registries;
    if (g) rows.graduates.push({ person_id: id, school: g.school, degree: g.degree, graduated_on: g.graduatedOn });
    if (s)
      rows.skill_certificates.push({
        certificate_no: s.certificateNo,
        person_id: id,
        occupation_code: s.occupationCode,
        occupation_name: s.occupationName,
        level: s.level,
        issued_on: s.issuedOn,
      });
    if (t)
      rows.professional_titles.push({ person_id: id, series: t.series, level: t.level, obtained_on: t.obtainedOn });
    if (u)
      rows.unemployment_registrations.push({ person_id: id, registered_on: u.registeredOn, closed_on: u.closedOn });
    if (poverty) rows.poverty_status.push({ person_id: id, category: poverty });
  }
  for (const s of workforce.spells) {
    rows.employment_spells.push({
      person_id: s.personId,
      uscc,
      first_period: s.firstPeriod,
      last_period: s.lastPeriod,
      leave_reason: s.leaveReason,
      base_fen: s.baseFen,
    });
  }
  for (const period of workforce.rosterPeriods) rows.roster_periods.push({ uscc, period, first_run_id: stamp.runId });
  for (const c of workforce.contributions) {
    rows.contributions.push({
      uscc,
      period: c.period,
      insured: c.insured,
      pension_fen: c.pensionFen,
      unemployment_unit_fen: c.unemploymentUnitFen,
      unemployment_personal_fen: c.unemploymentPersonalFen,
      injury_fen: c.injuryFen,
    });
  }
  for (const r of workforce.registrations)
    rows.unemployment_registrations.push({
      person_id: r.personId,
      registered_on: r.registeredOn,
      closed_on: r.closedOn,
    });
}
