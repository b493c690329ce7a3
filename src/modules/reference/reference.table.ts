export interface RegionTable {
  code: string;
  name: string;
  level: 'province' | 'city' | 'county';
  kind: string;
  city_code: string | null;
  is_directly_administered: number;
}

export interface RegionAliasTable {
  code: string;
  name: string;
  current_code: string;
  kind: 'retired' | 'statistical_zone';
  note: string;
}

export interface IndustryTable {
  code: string;
  name: string;
  level: 'section' | 'division';
  section: string;
  is_manufacturing: number;
}

export interface OccupationTable {
  code: string;
  name: string;
  major_group: string;
  is_digital: number;
  is_green: number;
  /** 1 for the working list the Sailing Plan's enterprises and training programmes use. */
  is_common: number;
}
