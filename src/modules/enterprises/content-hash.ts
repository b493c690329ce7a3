import { sm3Hex } from '../../platform/crypto/sm.ts';

/** The fields of an enterprise record that make up its content hash; the phone enters by its blind index only. */
export interface HashedEnterpriseFields {
  uscc: string;
  name: string;
  region_code: string;
  city_code: string;
  industry_code: string | null;
  size: string | null;
  tier: string;
  recognized_on: string;
  valid_until: string;
  contact_name: string | null;
  contact_phone_index: string | null;
}

/** SM3 of the normalised record: an import of unchanged data finds the same hash and writes nothing. */
export function enterpriseContentHash(f: HashedEnterpriseFields): string {
  return sm3Hex(
    JSON.stringify([
      f.uscc,
      f.name,
      f.region_code,
      f.city_code,
      f.industry_code,
      f.size,
      f.tier,
      f.recognized_on,
      f.valid_until,
      f.contact_name,
      f.contact_phone_index,
    ]),
  );
}
