import type { ImportKind } from '../imports/import-kind.ts';
import { fairsImport } from './fairs/fairs.import.ts';

/** The recruitment zone's import kinds: 专场招聘会 kept on 就在江苏 / 苏心聘. */
export const RECRUITMENT_IMPORT_KINDS: readonly ImportKind<any>[] = [fairsImport];
