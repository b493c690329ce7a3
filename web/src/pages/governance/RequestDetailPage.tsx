import { App, Button, Card, Descriptions, Form, Input, List, Rate, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import {
  answerRequest,
  downloadRequestFile,
  getRequest,
  rateRequest,
  reopenRequest,
  uploadRequestFile,
} from '../../api/governance.ts';
import { useCurrentUser } from '../../app/auth.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { useRemoteData } from '../../components/useRemoteData.ts';
import { useErrorText, useI18n } from '../../locales/i18n.tsx';
import { saveBlob } from '../../utils/download.ts';
import { formatDateTime } from '../../utils/format.ts';
import { RequestStateTag } from './RequestsPage.tsx';

/**
 * One request: what the enterprise asked, its deadline and escalation, the files, the answer
 * and the rating. The commissioner (or the city and province) answers an open request; the
 * enterprise adds files while it is open, rates the answer and may reopen it once.
 */
export default function RequestDetailPage() {
  const { t } = useI18n();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const id = Number(useParams().id);
  const request = useRemoteData(() => getRequest(id), String(id));
  const [resolution, setResolution] = useState('');
  const [rating, setRating] = useState(0);
  const [comment, setComment] = useState('');
  const [reason, setReason] = useState('');
  const [isBusy, setIsBusy] = useState(false);
  const data = request.data;
  const isOpen = data?.state === 'submitted' || data?.state === 'reopened';
  const isEnterprise = user.role === 'enterprise';
  const canAnswer = isOpen && ['commissioner', 'city_hrss', 'province_hrss'].includes(user.role);

  async function act(run: () => Promise<unknown>, done: string) {
    setIsBusy(true);
    try {
      await run();
      message.success(done);
      request.reload();
    } catch (error) {
      message.error(errorText(error));
    } finally {
      setIsBusy(false);
    }
  }

  return (
    <Card title={t('governance.requestTitle', { id })}>
      <LoadError error={request.error} />
      {data && (
        <Space orientation="vertical" style={{ width: '100%' }} size="large">
          <Descriptions bordered size="small" column={2} data-testid="request-detail">
            <Descriptions.Item label={t('enterprises.name')}>{data.enterpriseName ?? data.uscc}</Descriptions.Item>
            <Descriptions.Item label={t('governance.category')}>{data.categoryLabel}</Descriptions.Item>
            <Descriptions.Item label={t('governance.state')}>
              <RequestStateTag request={data} />
            </Descriptions.Item>
            <Descriptions.Item label={t('governance.commissioner')}>
              {data.commissionerName ?? t('common.unassigned')}
            </Descriptions.Item>
            <Descriptions.Item label={t('governance.submittedAt')}>
              {formatDateTime(data.submittedAt)}
            </Descriptions.Item>
            <Descriptions.Item label={t('governance.deadline')}>
              {data.deadlineDate}
              {data.isDeadlineProvisional && ` ${t('governance.provisional')}`}
            </Descriptions.Item>
            <Descriptions.Item label={t('governance.text')} span={2}>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{data.text}</Typography.Paragraph>
            </Descriptions.Item>
            {data.reopenReason && (
              <Descriptions.Item label={t('governance.reopenReason')} span={2}>
                {data.reopenReason}
              </Descriptions.Item>
            )}
            <Descriptions.Item label={t('governance.resolution')} span={2}>
              <span data-testid="request-resolution">{data.resolution ?? t('common.none')}</span>
              {data.answeredAt && (
                <Typography.Text type="secondary"> （{formatDateTime(data.answeredAt)}）</Typography.Text>
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t('governance.rating')} span={2}>
              {data.rating === null ? t('common.none') : <Rate disabled value={data.rating} />}
              {data.ratingComment && <span> {data.ratingComment}</span>}
            </Descriptions.Item>
          </Descriptions>

          <Card size="small" title={t('governance.files')}>
            <List
              size="small"
              dataSource={data.files}
              locale={{ emptyText: t('governance.noFiles') }}
              renderItem={(file) => (
                <List.Item>
                  <Button
                    type="link"
                    onClick={() =>
                      void downloadRequestFile(file.id, file.fileName).then(
                        ({ blob, fileName }) => saveBlob(blob, fileName),
                        (error: unknown) => message.error(errorText(error)),
                      )
                    }
                  >
                    {file.fileName}
                  </Button>
                </List.Item>
              )}
            />
            {isEnterprise && isOpen && (
              <Upload
                accept=".pdf,.jpg,.jpeg,.png"
                showUploadList={false}
                beforeUpload={(file) => {
                  void act(() => uploadRequestFile(id, file), t('governance.fileUploaded'));
                  return false;
                }}
              >
                <Button>{t('governance.chooseFiles')}</Button>
              </Upload>
            )}
          </Card>

          {canAnswer && (
            <Card size="small" title={t('governance.answer')}>
              <Input.TextArea
                rows={4}
                maxLength={2000}
                value={resolution}
                onChange={(e) => setResolution(e.target.value)}
                placeholder={t('governance.resolutionHint')}
                data-testid="answer-text"
              />
              <Button
                type="primary"
                style={{ marginTop: 12 }}
                loading={isBusy}
                disabled={resolution.trim().length < 5}
                data-testid="answer-submit"
                onClick={() => void act(() => answerRequest(id, resolution), t('governance.answered'))}
              >
                {t('governance.answer')}
              </Button>
            </Card>
          )}

          {isEnterprise && data.state === 'answered' && (
            <Card size="small" title={t('governance.rate')}>
              <Form layout="vertical">
                <Form.Item label={t('governance.rating')}>
                  <Rate value={rating} onChange={setRating} data-testid="rate-stars" />
                </Form.Item>
                <Form.Item label={t('governance.ratingComment')} htmlFor="rate-comment">
                  <Input.TextArea
                    id="rate-comment"
                    rows={2}
                    maxLength={500}
                    value={comment}
                    onChange={(e) => setComment(e.target.value)}
                  />
                </Form.Item>
                <Button
                  type="primary"
                  loading={isBusy}
                  disabled={rating === 0}
                  data-testid="rate-submit"
                  onClick={() =>
                    void act(
                      () => rateRequest(id, { rating, ...(comment.trim() ? { comment: comment.trim() } : {}) }),
                      t('governance.rated'),
                    )
                  }
                >
                  {t('governance.rate')}
                </Button>
              </Form>
            </Card>
          )}

          {isEnterprise && data.canReopen && (
            <Card size="small" title={t('governance.reopen')}>
              <Typography.Paragraph type="secondary">{t('governance.reopenHint')}</Typography.Paragraph>
              <Input.TextArea rows={2} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />
              <Button
                danger
                style={{ marginTop: 12 }}
                loading={isBusy}
                disabled={reason.trim().length < 2}
                onClick={() => void act(() => reopenRequest(id, reason), t('governance.reopened'))}
              >
                {t('governance.reopen')}
              </Button>
            </Card>
          )}
        </Space>
      )}
    </Card>
  );
}
