import { Type } from '@sinclair/typebox';
import { ATTACHMENT_TYPES } from '../../../policies/delivery.ts';
import { StateSchema } from '../benefits.schemas.ts';

/** TypeBox schemas of 即申即享 applications and their materials. */

const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);

export const UploadParams = Type.Object({
  id: Type.Integer({ minimum: 1 }),
  code: Type.String({
    pattern: '^[a-z][a-z0-9_]*$',
    maxLength: 64,
    description: '申请材料编码（policy.yaml attachments[].code）',
  }),
});

export const Attachment = Type.Object({
  id: Type.Integer(),
  case_id: Type.Integer(),
  attachment_code: Type.String(),
  file_name: Type.String(),
  type: Type.Union(
    ATTACHMENT_TYPES.map((type) => Type.Literal(type)),
    { description: 'pdf | jpg | png（按文件内容识别，与文件名一致）' },
  ),
  size_bytes: Type.Integer(),
  sha256: Type.String(),
  uploaded_by: Type.String(),
  uploaded_at: Type.String(),
  submitted_at: Nullable(Type.String({ description: '随申请提交的时间；提交后不能删除' })),
  download_url: Type.String(),
});

export const Material = Type.Object({
  code: Type.String(),
  name: Type.String(),
  required: Type.Boolean(),
  types: Type.Array(Type.Union(ATTACHMENT_TYPES.map((type) => Type.Literal(type)))),
  max_bytes: Type.Integer({ description: '该材料单个文件的大小上限（字节）' }),
  description: Type.String(),
  files: Type.Array(Attachment),
});

export const ApplicationAnswer = Type.Object({
  case_id: Type.Integer(),
  policy: Type.String(),
  delivery: Type.Union([Type.Literal('exempt'), Type.Literal('application')], {
    description: 'exempt 免申即享（一键确认）；application 即申即享（上传材料后提交申请）',
  }),
  state: StateSchema,
  is_editable: Type.Boolean({ description: '企业现在能否上传、删除材料并提交申请' }),
  max_bytes_ceiling: Type.Integer({ description: '任何材料单个文件的总上限（字节）' }),
  max_files: Type.Integer({ description: '每个案件最多的文件数' }),
  materials: Type.Array(Material),
  missing: Type.Array(Type.Object({ code: Type.String(), name: Type.String() }), { description: '尚未上传的必交材料' }),
});

export const DeletedAnswer = Type.Object({ id: Type.Integer(), deleted: Type.Boolean() });
