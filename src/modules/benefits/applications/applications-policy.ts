import type { Db } from '../../../db/database.ts';
import { AppError } from '../../../platform/errors.ts';
import { loadSecuritySettings } from '../../../platform/security-settings.ts';
import type { Delivery, PolicyDelivery } from '../../../policies/delivery.ts';
import { findPolicyInForce } from '../../policy/catalogue/catalogue.service.ts';

/**
 * Which way a case's policy is delivered, read from the version in force (how to claim is procedure,
 * not a computed figure, so a case matched under an older version follows today's rule), and the
 * global ceilings on uploads (reference/security/settings.json) that no policy may exceed.
 */

/** A policy's delivery and materials, from the catalogue's version in force. */
export async function deliveryOfPolicy(db: Db, code: string): Promise<PolicyDelivery> {
  const { policy } = await findPolicyInForce(db, code);
  return { delivery: policy.delivery, attachments: policy.attachments };
}

/** The policy's delivery when it is the expected one; otherwise the Chinese refusal that says what to do instead. */
export async function requireDelivery(db: Db, code: string, expected: Delivery): Promise<PolicyDelivery> {
  const found = await deliveryOfPolicy(db, code);
  if (found.delivery === expected) return found;
  throw new AppError(expected === 'exempt' ? 'APPLICATION_REQUIRED' : 'APPLICATION_NOT_NEEDED');
}

export interface UploadCeilings {
  maxBytes: number;
  maxFilesPerCase: number;
}

/** The ceilings every upload is held to, whatever a policy allows. */
export function uploadCeilings(): UploadCeilings {
  const { all } = loadSecuritySettings();
  const value = (key: string) => {
    const found = all.find((setting) => setting.key === key);
    if (!found) throw new AppError('CONFIG_INVALID', `安全设置缺少 ${key}`);
    return found.value;
  };
  return { maxBytes: value('attachment_max_bytes'), maxFilesPerCase: value('attachment_max_files_per_case') };
}
