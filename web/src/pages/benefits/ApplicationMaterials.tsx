import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Space, Tag, Typography, Upload, type UploadProps } from 'antd';
import { useState } from 'react';
import { isApiError } from '../../api/client.ts';
import {
  uploadAttachment,
  type ApplicationMaterial,
  type Attachment,
  type AttachmentType,
  type CaseApplication,
} from '../../api/benefitApplications.ts';
import { newIdempotencyKey } from '../../api/benefits.ts';
import { useErrorText } from '../../locales/i18n.tsx';
import { ApplicationFileTable, sizeText } from './ApplicationFileTable.tsx';
import { useBenefitsText } from './benefitsText.ts';

/** The extensions each accepted type may carry (the server checks the content's first bytes too). */
const EXTENSIONS: Record<AttachmentType, string[]> = { pdf: ['.pdf'], jpg: ['.jpg', '.jpeg'], png: ['.png'] };
const TYPE_NAMES: Record<AttachmentType, string> = { pdf: 'PDF', jpg: 'JPG', png: 'PNG' };

interface ApplicationMaterialsProps {
  caseId: number;
  application: CaseApplication;
  /** The enterprise working on its application: upload and delete. Officials only read and download. */
  canEdit: boolean;
  onChanged: () => void;
}

/**
 * 申请材料 of a case whose policy needs an application: each material the policy lists, with its
 * files. The enterprise uploads (type and size checked here first, with the server's answer shown
 * when it refuses) and deletes files not yet submitted; reviewers download them to check.
 */
export function ApplicationMaterials({ caseId, application, canEdit, onChanged }: ApplicationMaterialsProps) {
  const { bt } = useBenefitsText();
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Alert
        type="info"
        showIcon
        title={bt(canEdit ? 'benefits.application.hint' : 'benefits.application.reviewHint')}
      />
      {application.materials.map((material) => (
        <MaterialBlock
          key={material.code}
          caseId={caseId}
          material={material}
          ceiling={application.max_bytes_ceiling}
          canEdit={canEdit && material.types.length > 0}
          onChanged={onChanged}
        />
      ))}
    </Space>
  );
}

function MaterialBlock({
  caseId,
  material,
  ceiling,
  canEdit,
  onChanged,
}: {
  caseId: number;
  material: ApplicationMaterial;
  ceiling: number;
  canEdit: boolean;
  onChanged: () => void;
}) {
  const { bt } = useBenefitsText();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const [isUploading, setIsUploading] = useState(false);
  const [error, setError] = useState<string>();
  const maxBytes = Math.min(material.max_bytes, ceiling);
  const typeNames = material.types.map((type) => TYPE_NAMES[type]).join('、');
  const extensions = material.types.flatMap((type) => EXTENSIONS[type]);

  const beforeUpload: UploadProps['beforeUpload'] = (file) => {
    const refusal = clientRefusal(file, extensions, maxBytes, typeNames, bt);
    if (!refusal) return true;
    setError(refusal);
    return Upload.LIST_IGNORE;
  };

  const customRequest: UploadProps['customRequest'] = ({ file, onSuccess, onError }) => {
    if (typeof file === 'string') return;
    const chosen = file as File;
    setIsUploading(true);
    setError(undefined);
    sendOnce(caseId, material.code, chosen)
      .then((stored) => {
        message.success(bt('benefits.application.uploaded', { file: stored.file_name }));
        onSuccess?.(stored);
        onChanged();
      })
      .catch((cause: unknown) => {
        setError(errorText(cause));
        onError?.(cause as Error);
      })
      .finally(() => setIsUploading(false));
  };

  return (
    <div data-testid={`material-${material.code}`}>
      <Space wrap style={{ marginBottom: 4 }}>
        <Typography.Text strong>{material.name}</Typography.Text>
        <Tag color={material.required ? 'red' : 'default'}>
          {bt(material.required ? 'benefits.application.required' : 'benefits.application.optional')}
        </Tag>
        {material.types.length > 0 && (
          <Typography.Text type="secondary">
            {bt('benefits.application.accepts', { types: typeNames, size: sizeText(maxBytes) })}
          </Typography.Text>
        )}
      </Space>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {material.description}
      </Typography.Paragraph>
      <ApplicationFileTable files={material.files} canDelete={canEdit} onChanged={onChanged} />
      {error && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={error}
          closable
          onClose={() => setError(undefined)}
          style={{ marginTop: 8 }}
        />
      )}
      {/* filter 'native': a dropped Word file reaches beforeUpload, which says why it is refused (the default filter drops it silently). */}
      {canEdit && (
        <Upload
          accept={{ format: extensions.join(','), filter: 'native' }}
          showUploadList={false}
          beforeUpload={beforeUpload}
          customRequest={customRequest}
          disabled={isUploading}
        >
          <Button
            icon={<UploadOutlined />}
            loading={isUploading}
            style={{ marginTop: 8 }}
            aria-label={bt('benefits.application.uploadLabel', { name: material.name })}
          >
            {bt('benefits.application.upload')}
          </Button>
        </Upload>
      )}
    </div>
  );
}

/** Uploads with one Idempotency-Key; a lost answer is retried once with the same key (no second copy is stored). */
async function sendOnce(caseId: number, code: string, file: File): Promise<Attachment> {
  const key = newIdempotencyKey();
  try {
    return await uploadAttachment(caseId, code, file, file.name, key);
  } catch (cause) {
    if (!isApiError(cause) || cause.code !== 'NETWORK_ERROR') throw cause;
    return uploadAttachment(caseId, code, file, file.name, key);
  }
}

/** The browser's own check before sending: the name's type and the size; the server checks again with the content. */
function clientRefusal(
  file: File,
  extensions: string[],
  maxBytes: number,
  typeNames: string,
  bt: ReturnType<typeof useBenefitsText>['bt'],
): string | undefined {
  const name = file.name.toLowerCase();
  if (!extensions.some((extension) => name.endsWith(extension)))
    return bt('benefits.application.wrongType', { file: file.name, types: typeNames });
  if (file.size === 0) return bt('benefits.application.emptyFile', { file: file.name });
  if (file.size > maxBytes)
    return bt('benefits.application.tooLarge', { file: file.name, size: sizeText(file.size), max: sizeText(maxBytes) });
  return undefined;
}
