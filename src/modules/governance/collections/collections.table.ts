import type { Generated } from 'kysely';

/** An approval of a data collection (统计调查审批): without a valid one a collection cannot be opened. */
export interface CollectionApprovalTable {
  id: Generated<number>;
  title: string;
  office: string;
  approval_number: string;
  scope: string;
  sample: string;
  frequency: string;
  valid_from: string;
  valid_until: string;
  created_at: string;
  created_by: number;
}

export type CollectionKind = 'form' | 'shortage_survey';
export type CollectionState = 'draft' | 'open' | 'closed';

/** A survey or form sent to enterprises (the 急需紧缺 survey is one). */
export interface CollectionTable {
  id: Generated<number>;
  kind: CollectionKind;
  title: string;
  description: string;
  approval_id: number | null;
  region_code: string;
  year: number;
  fields: string;
  state: CollectionState;
  deadline: string | null;
  created_at: string;
  created_by: number;
  opened_at: string | null;
  closed_at: string | null;
}

/** An enterprise a collection was sent to, with its answers (forms) and when it answered. */
export interface CollectionRecipientTable {
  collection_id: number;
  uscc: string;
  region_code: string;
  year: number;
  sent_at: string;
  answers: string | null;
  answered_at: string | null;
}

export type ShortageUrgency = 'high' | 'medium' | 'low';

/** A shortage position an enterprise reported in a 急需紧缺职业 survey. */
export interface ShortageReportTable {
  id: Generated<number>;
  collection_id: number;
  uscc: string;
  city_code: string;
  occupation_code: string;
  headcount: number;
  urgency: ShortageUrgency;
  note: string | null;
  reported_at: string;
}

/** The 急需紧缺职业（工种）目录 the province published for a city and year. */
export interface ShortageCatalogueTable {
  id: Generated<number>;
  city_code: string;
  year: number;
  collection_id: number;
  published_at: string;
  published_by: number;
}

export interface ShortageCatalogueEntryTable {
  catalogue_id: number;
  occupation_code: string;
  headcount: number;
  enterprises: number;
}
