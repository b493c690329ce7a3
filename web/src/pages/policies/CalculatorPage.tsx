import { useCurrentUser } from '../../app/auth.tsx';
import EnterpriseCalculatorPage from './EnterpriseCalculatorPage.tsx';
import PublicCalculatorPage from './PublicCalculatorPage.tsx';

/**
 * 政策计算器 in the menu (/policies/calculator): an enterprise's policies computed from its own
 * data; for the public account, the questions-and-answers calculator anyone may use.
 */
export default function CalculatorPage() {
  const user = useCurrentUser();
  return user.role === 'enterprise' ? <EnterpriseCalculatorPage /> : <PublicCalculatorPage isSignedIn />;
}
