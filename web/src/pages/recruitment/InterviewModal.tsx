import { Alert, DatePicker, Form, Input, Modal, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type { Applicant, InterviewBody } from '../../api/recruitment.ts';
import { useErrorText } from '../../locales/i18n.tsx';
import { formatDateTime } from '../../utils/format.ts';

interface InterviewValues {
  at: Dayjs;
  place?: string;
  link?: string;
  note?: string;
}

const FORMAT = 'YYYY-MM-DD HH:mm';

/** A stored instant as the Beijing wall time the picker shows (the form's times are Beijing time). */
function beijingValue(at: string): Dayjs {
  return dayjs(formatDateTime(at), FORMAT);
}

/**
 * 邀请面试 or 调整面试安排: the interview's time in Beijing time (still to come), a place or an
 * online link (at least one) and a note for the seeker. The server checks the same rules.
 */
export function InterviewModal({
  applicant,
  onSubmit,
  onClose,
}: {
  applicant: Applicant;
  onSubmit: (body: InterviewBody) => Promise<void>;
  onClose: () => void;
}) {
  const [form] = Form.useForm<InterviewValues>();
  const errorText = useErrorText();
  const [error, setError] = useState<string>();
  const [isSaving, setIsSaving] = useState(false);
  const current = applicant.interview;
  const isReschedule = current !== null;

  async function save(values: InterviewValues) {
    setIsSaving(true);
    setError(undefined);
    try {
      await onSubmit({
        at: values.at.format(FORMAT),
        ...(values.place?.trim() ? { place: values.place.trim() } : {}),
        ...(values.link?.trim() ? { link: values.link.trim() } : {}),
        ...(values.note?.trim() ? { note: values.note.trim() } : {}),
      });
    } catch (cause) {
      setError(errorText(cause));
    } finally {
      setIsSaving(false);
    }
  }

  return (
    <Modal
      open
      title={isReschedule ? `调整面试安排：${applicant.applicantName}` : `邀请面试：${applicant.applicantName}`}
      okText={isReschedule ? '保存并通知求职者' : '发送面试邀请'}
      cancelText="取消"
      confirmLoading={isSaving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        {applicant.postingTitle}。求职者将收到短信或邮件通知，并可在“我的投递”中看到面试安排。
      </Typography.Paragraph>
      <Form<InterviewValues>
        form={form}
        layout="vertical"
        initialValues={
          current
            ? {
                at: beijingValue(current.at),
                place: current.place ?? undefined,
                link: current.link ?? undefined,
                note: current.note ?? undefined,
              }
            : undefined
        }
        onFinish={(values) => void save(values)}
      >
        <Form.Item
          label="面试时间（北京时间）"
          name="at"
          rules={[
            { required: true, message: '请选择面试时间' },
            {
              validator: (_, value: Dayjs | undefined) =>
                !value || value.isAfter(dayjs())
                  ? Promise.resolve()
                  : Promise.reject(new Error('面试时间须为今后的时间')),
            },
          ]}
        >
          <DatePicker
            showTime={{ format: 'HH:mm' }}
            format={FORMAT}
            style={{ width: '100%' }}
            disabledDate={(day) => day.isBefore(dayjs(), 'day')}
            data-testid="interview-at"
          />
        </Form.Item>
        <Form.Item
          label="面试地点"
          name="place"
          dependencies={['link']}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_, value: string | undefined) =>
                value?.trim() || (getFieldValue('link') as string | undefined)?.trim()
                  ? Promise.resolve()
                  : Promise.reject(new Error('请填写面试地点或线上面试链接（至少一项）')),
            }),
          ]}
        >
          <Input maxLength={200} placeholder="如：江宁区秣周东路 12 号 3 楼人事部" data-testid="interview-place" />
        </Form.Item>
        <Form.Item
          label="线上面试链接"
          name="link"
          rules={[{ pattern: /^https?:\/\/\S+$/i, message: '线上面试链接应以 http:// 或 https:// 开头' }]}
        >
          <Input maxLength={500} placeholder="https://" data-testid="interview-link" />
        </Form.Item>
        <Form.Item label="备注" name="note">
          <Input.TextArea
            maxLength={500}
            rows={2}
            placeholder="如：请携带身份证和毕业证书"
            data-testid="interview-note"
          />
        </Form.Item>
      </Form>
      {current && <Typography.Text type="secondary">原定：{formatDateTime(current.at)}</Typography.Text>}
      {error && <Alert type="error" showIcon title={error} data-testid="interview-error" />}
    </Modal>
  );
}
