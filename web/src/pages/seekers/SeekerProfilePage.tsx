import { App, Button, Card, Descriptions, Form, Input, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import { getMyProfile, saveMyProfile, type SeekerProfile } from '../../api/recruitment.ts';
import { JOB_EDUCATIONS } from '../../api/jobs.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { useRemoteData } from '../../components/useRemoteData.ts';
import { useErrorText } from '../../locales/i18n.tsx';

interface ProfileValues {
  name: string;
  idNumber?: string;
  education?: string;
  graduationDate?: string;
  certificates: string[];
}

/** 我的档案 (/seeker/profile): the seeker's own profile; ID number, phone and e-mail shown masked. */
export default function SeekerProfilePage() {
  const profile = useRemoteData(getMyProfile, 'profile');
  const [form] = Form.useForm<ProfileValues>();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const [isSaving, setIsSaving] = useState(false);
  const data = profile.data;

  useEffect(() => {
    if (data)
      form.setFieldsValue({
        name: data.name,
        education: data.education ?? undefined,
        graduationDate: data.graduationDate ?? undefined,
        certificates: data.certificates,
      });
  }, [data, form]);

  async function save(values: ProfileValues) {
    setIsSaving(true);
    try {
      await saveMyProfile({
        name: values.name.trim(),
        ...(values.idNumber?.trim() ? { idNumber: values.idNumber.trim() } : {}),
        education: (values.education as SeekerProfile['education'] & string) || null,
        graduationDate: values.graduationDate?.trim() || null,
        certificates: values.certificates ?? [],
      } as Parameters<typeof saveMyProfile>[0]);
      void message.success('档案已保存');
      form.setFieldValue('idNumber', undefined);
      profile.reload();
    } catch (error) {
      void message.error(errorText(error));
    } finally {
      setIsSaving(false);
    }
  }

  if (profile.error) return <LoadError error={profile.error} />;
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card title="我的档案" loading={profile.isLoading && !data}>
        {data && (
          <Descriptions column={{ xs: 1, md: 2 }} size="small" data-testid="seeker-profile">
            <Descriptions.Item label="姓名">{data.name}</Descriptions.Item>
            <Descriptions.Item label="身份证号">{data.idNumber ?? '未填写'}</Descriptions.Item>
            <Descriptions.Item label="手机号码">{data.phone ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="电子邮箱">{data.email ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="学历">{data.education ?? '未填写'}</Descriptions.Item>
            <Descriptions.Item label="毕业时间">{data.graduationDate ?? '未填写'}</Descriptions.Item>
            <Descriptions.Item label="证书">
              {data.certificates.length > 0 ? data.certificates.join('、') : '未填写'}
            </Descriptions.Item>
          </Descriptions>
        )}
      </Card>
      <Card title="修改档案">
        <Form<ProfileValues> form={form} layout="vertical" onFinish={(v) => void save(v)} style={{ maxWidth: 560 }}>
          <Form.Item label="姓名" name="name" rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item label="身份证号（可不填；填写后加密保存、遮蔽显示）" name="idNumber">
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item label="学历" name="education">
            <Select
              allowClear
              options={JOB_EDUCATIONS.map((e) => ({ value: e, label: e }))}
              data-testid="seeker-education"
            />
          </Form.Item>
          <Form.Item
            label="毕业时间（YYYY-MM-DD）"
            name="graduationDate"
            rules={[{ pattern: /^\d{4}-\d{2}-\d{2}$/, message: '格式为 YYYY-MM-DD' }]}
          >
            <Input placeholder="2025-06-30" />
          </Form.Item>
          <Form.Item label="证书（输入后回车）" name="certificates">
            <Select mode="tags" open={false} tokenSeparators={['，', ',']} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={isSaving} data-testid="seeker-profile-save">
            保存
          </Button>
        </Form>
      </Card>
    </Space>
  );
}
