import type { Db } from '../../../db/database.ts';
import type { RowReject } from '../../imports/import-kind.ts';
import { findSelfEvaluationOf } from './talent.repository.ts';

/**
 * Whether a self-evaluating enterprise (自主评价) may have issued a skill certificate: it is
 * registered, the certificate's occupation is one it was registered for, and the certificate was
 * issued within the registration (from its 备案日期 to its end of validity, when one is recorded).
 */

export interface IssuedCertificate {
  issuerUscc: string;
  occupationCode: string;
  issuedOn: string;
}

export const ISSUER_COLUMN = '发证企业统一社会信用代码';

/** For each certificate, why its issuer could not have issued it, or undefined when it could. */
export async function refuseUnqualifiedIssuers(
  db: Db,
  certificates: readonly IssuedCertificate[],
): Promise<(Omit<RowReject, 'line'> | undefined)[]> {
  const registrations = new Map(
    (await findSelfEvaluationOf(db, [...new Set(certificates.map((c) => c.issuerUscc))])).map((r) => [
      r.uscc,
      { ...r, occupations: new Set(JSON.parse(r.occupation_codes) as string[]) },
    ]),
  );
  return certificates.map((c) => {
    const registration = registrations.get(c.issuerUscc);
    if (!registration)
      return refusal('ISSUER_NOT_SELF_EVALUATING', `${c.issuerUscc} 未登记为开展技能等级自主评价的企业`);
    if (!registration.occupations.has(c.occupationCode))
      return refusal('ISSUER_OCCUPATION_NOT_REGISTERED', `该企业未登记职业 ${c.occupationCode} 的自主评价`);
    const until = registration.valid_until;
    if (c.issuedOn < registration.approved_on || (until !== null && c.issuedOn > until))
      return refusal(
        'ISSUER_OUTSIDE_VALIDITY',
        `发证日期 ${c.issuedOn} 不在该企业自主评价备案期内（${registration.approved_on} 起${until ? `，至 ${until}` : ''}）`,
      );
    return undefined;
  });
}

function refusal(code: string, message: string): Omit<RowReject, 'line'> {
  return { column: ISSUER_COLUMN, code, message: `${ISSUER_COLUMN}：${message}` };
}
