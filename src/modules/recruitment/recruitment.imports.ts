import type { ImportKind } from '../imports/import-kind.ts';
import { fairsImport } from './fairs/fairs.import.ts';
import { postingsImport } from './postings/postings.import.ts';
import { seekersImport } from './seekers/seekers.import.ts';

/** The recruitment zone's import kinds: 岗位信息, 专场招聘会 and 求职者 kept on 就在江苏 / 苏心聘. */
export const RECRUITMENT_IMPORT_KINDS: readonly ImportKind<any>[] = [postingsImport, fairsImport, seekersImport];
