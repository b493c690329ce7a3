import type { Generated } from 'kysely';

export type CampaignKind = 'overseas_doctors' | 'talent_month' | 'four_docking' | 'east_west';
export type CampaignEventMode = 'online' | 'onsite';

export interface RecruitmentCampaignTable {
  id: Generated<number>;
  kind: CampaignKind;
  name: string;
  year: number;
  /** 320000 for a province campaign, else the organising city's code. */
  region_code: string;
  organiser: string;
  summary: string;
  enterprises: number;
  postings: number;
  seekers: number;
  intentions: number;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface RecruitmentCampaignEventTable {
  id: Generated<number>;
  campaign_id: number;
  held_on: string;
  place: string;
  city: string;
  mode: CampaignEventMode;
}

export interface RecruitmentCampaignHireTable {
  id: Generated<number>;
  campaign_id: number;
  uscc: string;
  /** SM4 ciphertext of the ID number; never shown. */
  id_number_enc: string;
  id_number_index: string;
  name_enc: string;
  home_province_code: string;
  hired_on: string;
  created_by: number | null;
  created_at: string;
}
