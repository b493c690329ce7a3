import { findWholeIdNumbers, maskIdNumber, maskPersonalDataInText } from '../../platform/crypto/masking.ts';

/** The column whose quoted value is an enterprise's code, not a person's: the official needs it whole (人工核验例外). */
const CREDIT_CODE_COLUMN = '统一社会信用代码';

/**
 * A reject's reason as the import page and the rejects file show it: an ID, phone or account
 * number quoted from the file is masked (DOMAIN §8). In the credit-code column an 18-digit code is an
 * enterprise's and stays whole, unless it is a valid ID number put in the wrong column.
 */
export function shownRejectReason(column: string, message: string): string {
  if (column !== CREDIT_CODE_COLUMN) return maskPersonalDataInText(message);
  let shown = message;
  for (const idNumber of findWholeIdNumbers(message)) shown = shown.split(idNumber).join(maskIdNumber(idNumber));
  return shown;
}
