import { Alert } from 'antd';
import { useErrorText } from '../locales/i18n.tsx';

/** The reason a list or a page could not be loaded; renders nothing while there is none. */
export function LoadError({ error }: { error: unknown }) {
  const errorText = useErrorText();
  if (error === undefined) return null;
  return <Alert type="error" showIcon role="alert" title={errorText(error)} style={{ marginBottom: 16 }} />;
}
