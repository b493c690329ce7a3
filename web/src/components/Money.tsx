import { Tooltip } from 'antd';
import { formatLargeCount, formatLargeYuan, formatYuan } from '../utils/format.ts';

/** An amount with its unit, exact to the fen ("66,243.23 元"). */
export function Money({ fen, testId }: { fen: number | string | null | undefined; testId?: string }) {
  return <span data-testid={testId}>{formatYuan(fen)}</span>;
}

/** A sum in a summary: 万元 / 亿元 from a million yuan, the exact amount when pointed at. */
export function LargeMoney({ fen, testId }: { fen: number | string | null | undefined; testId?: string }) {
  const { text, exact, isRounded } = formatLargeYuan(fen);
  if (!isRounded) return <span data-testid={testId}>{text}</span>;
  return (
    <Tooltip title={exact}>
      <span data-testid={testId} data-exact={exact} tabIndex={0}>
        {text}
      </span>
    </Tooltip>
  );
}

/** A count in a summary: 万 / 亿 from a million, the exact number when pointed at. */
export function LargeCount({ value, testId }: { value: number | null | undefined; testId?: string }) {
  const { text, exact, isRounded } = formatLargeCount(value);
  if (!isRounded) return <span data-testid={testId}>{text}</span>;
  return (
    <Tooltip title={exact}>
      <span data-testid={testId} data-exact={exact} tabIndex={0}>
        {text}
      </span>
    </Tooltip>
  );
}
