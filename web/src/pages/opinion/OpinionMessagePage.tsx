import { App, Button, Card, Descriptions, Input, Space, Tag, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { useParams } from 'react-router-dom';
import {
  advanceOpinionMessage,
  decideOpinionLink,
  getOpinionMessage,
  type OpinionHighlight,
  type OpinionMessageDetail,
} from '../../api/opinion.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { useRemoteData } from '../../components/useRemoteData.ts';
import { useErrorText, useI18n } from '../../locales/i18n.tsx';
import { LinkTags, StateTag, ToneTag } from './opinionTags.tsx';

const MARK_STYLES: Record<OpinionHighlight['kind'], React.CSSProperties> = {
  enterprise: { background: '#d6e4ff', fontWeight: 600 },
  ambiguous: { background: '#fff1b8', borderBottom: '2px dashed #d48806' },
  topic: { background: '#f0f0f0', textDecoration: 'underline' },
  negative: { color: '#cf1322' },
  positive: { color: '#389e0d' },
};

/** The text with its matches marked: enterprise names, names waiting for confirmation, topic and tone words. */
function HighlightedText({ text, highlights }: { text: string; highlights: readonly OpinionHighlight[] }) {
  const parts: ReactNode[] = [];
  let at = 0;
  for (const h of highlights) {
    if (h.start < at) continue;
    if (h.start > at) parts.push(text.slice(at, h.start));
    parts.push(
      <mark key={h.start} data-kind={h.kind} title={h.label} style={{ padding: 0, ...MARK_STYLES[h.kind] }}>
        {text.slice(h.start, h.end)}
      </mark>,
    );
    at = h.end;
  }
  parts.push(text.slice(at));
  return <div style={{ whiteSpace: 'pre-wrap', lineHeight: 1.9 }}>{parts}</div>;
}

/** One message (/opinion/messages/:id): highlighted text, link confirmation, and the 研处 steps for the handling office. */
export default function OpinionMessagePage() {
  const { t } = useI18n();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const id = Number(useParams().id);
  const detail = useRemoteData(() => getOpinionMessage(id), String(id));
  const [reply, setReply] = useState('');
  const m: OpinionMessageDetail | undefined = detail.data;

  async function run(action: () => Promise<unknown>, done: string) {
    try {
      await action();
      message.success(done);
      detail.reload();
    } catch (error) {
      message.error(errorText(error));
    }
  }

  if (!m) return <LoadError error={detail.error} />;
  const ambiguous = m.links.filter((l) => l.status === 'ambiguous');
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Card title={m.title} extra={<StateTag state={m.state} />}>
        <Descriptions size="small" column={3} style={{ marginBottom: 16 }}>
          <Descriptions.Item label={t('opinion.source')}>{t(`opinion.source.${m.source}` as never)}</Descriptions.Item>
          <Descriptions.Item label={t('opinion.receivedAt')}>{m.receivedAt}</Descriptions.Item>
          <Descriptions.Item label={t('opinion.sender')}>{m.sender ?? t('common.none')}</Descriptions.Item>
          <Descriptions.Item label={t('opinion.topic')}>
            <Tag>{t(`opinion.topic.${m.topic}` as never)}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t('opinion.tone')}>
            <ToneTag tone={m.tone} />
          </Descriptions.Item>
          <Descriptions.Item label={t('opinion.region')}>{m.regionName ?? t('opinion.unrouted')}</Descriptions.Item>
          <Descriptions.Item label={t('opinion.enterprises')}>
            <LinkTags links={m.links} />
          </Descriptions.Item>
          <Descriptions.Item label={t('opinion.deadline')}>
            {m.deadline ?? t('common.none')} {m.isOverdue && <Tag color="red">{t('opinion.overdue')}</Tag>}
          </Descriptions.Item>
          <Descriptions.Item label={t('opinion.rulesVersion')}>{m.rulesVersion}</Descriptions.Item>
        </Descriptions>
        {!m.isWhole && <Typography.Paragraph type="secondary">{t('opinion.maskedHint')}</Typography.Paragraph>}
        <div data-testid="opinion-text">
          <HighlightedText text={m.content} highlights={m.highlights} />
        </div>
      </Card>
      {ambiguous.length > 0 && (
        <Card title={t('opinion.confirmTitle')} data-testid="opinion-confirm">
          {ambiguous.map((l) => (
            <Space key={l.id} style={{ display: 'flex', marginBottom: 8 }}>
              <Typography.Text>{t('opinion.confirmQuestion', { alias: l.alias, name: l.name })}</Typography.Text>
              {m.canHandle && (
                <>
                  <Button
                    size="small"
                    type="primary"
                    onClick={() => run(() => decideOpinionLink(m.id, l.id, 'confirm'), t('opinion.confirmed'))}
                  >
                    {t('opinion.confirm')}
                  </Button>
                  <Button
                    size="small"
                    onClick={() => run(() => decideOpinionLink(m.id, l.id, 'reject'), t('opinion.rejected'))}
                  >
                    {t('opinion.reject')}
                  </Button>
                </>
              )}
            </Space>
          ))}
        </Card>
      )}
      <Card title={t('opinion.handlingTitle')} data-testid="opinion-handling">
        {m.reply !== null && (
          <Descriptions size="small" column={1}>
            <Descriptions.Item label={t('opinion.reply')}>{m.reply}</Descriptions.Item>
          </Descriptions>
        )}
        {m.canHandle && m.state === 'pending' && (
          <Button type="primary" onClick={() => run(() => advanceOpinionMessage(m.id, 'start'), t('opinion.started'))}>
            {t('opinion.action.start')}
          </Button>
        )}
        {m.canHandle && m.state === 'processing' && (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Input.TextArea
              aria-label={t('opinion.reply')}
              rows={3}
              maxLength={5000}
              value={reply}
              onChange={(event) => setReply(event.target.value)}
            />
            <Button
              type="primary"
              disabled={!reply.trim()}
              onClick={() => run(() => advanceOpinionMessage(m.id, 'reply', reply), t('opinion.replied'))}
            >
              {t('opinion.action.reply')}
            </Button>
          </Space>
        )}
        {m.canHandle && m.state === 'replied' && (
          <Button type="primary" onClick={() => run(() => advanceOpinionMessage(m.id, 'close'), t('opinion.closed'))}>
            {t('opinion.action.close')}
          </Button>
        )}
        {!m.canHandle && m.state !== 'closed' && (
          <Typography.Text type="secondary">{t('opinion.notHandlingOffice')}</Typography.Text>
        )}
        {m.state === 'closed' && <Typography.Text>{t('opinion.closedNote')}</Typography.Text>}
      </Card>
    </Space>
  );
}
