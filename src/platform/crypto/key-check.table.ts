/** The fingerprint of the keys the database's personal data are written with (one row, id 1). */
export interface KeyCheckTable {
  id: number;
  fingerprint: string;
  recorded_at: string;
}
