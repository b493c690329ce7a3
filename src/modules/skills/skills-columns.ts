/** Values shared by the skills module's import files and pages. */

/** 是 / 否 cells. */
export const YES_NO: Record<string, '1' | '0'> = {
  是: '1',
  否: '0',
  y: '1',
  n: '0',
  yes: '1',
  no: '0',
  '1': '1',
  '0': '0',
};

// 职业分类大典 codes: major group, then two-digit medium, minor and detailed groups (6-18-01-01).
export const OCCUPATION_CODE = /^\d-\d{2}-\d{2}-\d{2}$/;

/** The latest of two ISO dates. */
export const laterOf = (a: string, b: string) => (a > b ? a : b);
