import { useEffect, useState } from 'react';
import { fetchDemoAccounts, type DemoAccount } from '../../api/auth.ts';

/**
 * The demo logins, read from the server. Outside demo mode the server answers 404 and this
 * stays empty, so a production deployment never advertises accounts nor loads the hint's code.
 */
export function useDemoAccounts(): DemoAccount[] {
  const [accounts, setAccounts] = useState<DemoAccount[]>([]);
  useEffect(() => {
    let isCurrent = true;
    fetchDemoAccounts()
      .then(({ items }) => {
        if (isCurrent) setAccounts(items);
      })
      .catch(() => {
        if (isCurrent) setAccounts([]);
      });
    return () => {
      isCurrent = false;
    };
  }, []);
  return accounts;
}
