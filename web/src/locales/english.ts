import enUSAntd from 'antd/locale/en_US';
import { enUS } from './en-US.ts';

/**
 * Everything English in one chunk, loaded only when someone picks EN: the first page then
 * carries Chinese alone (SPEC §6 first-page JavaScript budget).
 */
export const english = { messages: enUS, antd: enUSAntd };
export type EnglishBundle = typeof english;
