// Type-only: brings in the `request.parts()` declaration the plugin adds to FastifyRequest.
import type {} from '@fastify/multipart';
import type { UploadPurpose } from '@jingcai/shared';
import type { FastifyRequest } from 'fastify';
import { AppException } from '../../common/errors/app-exception';
import { createValidationPipe } from '../../common/errors/validation';
import { CreateUploadDto } from './dto/create-upload.dto';

export const FILE_FIELD = 'file';

export interface UploadForm {
  purpose: UploadPurpose;
  file: Buffer;
}

// The same pipe the rest of the API validates bodies with, so field errors look the same everywhere.
const fieldsPipe = createValidationPipe();

/**
 * Reads `POST /api/uploads`: one `file` part and a `purpose` field. The whole form is consumed before
 * anything is judged (the multipart limits in app.factory keep that to one 5 MB file and a few fields),
 * so every refusal is a clean envelope rather than a connection reset mid-upload.
 */
export async function readUploadForm(request: FastifyRequest): Promise<UploadForm> {
  if (!request.isMultipart()) throw invalid(FILE_FIELD, '请以 multipart/form-data 上传图片');
  const fields: Record<string, unknown> = {};
  const repeated = new Set<string>();
  let file: Buffer | undefined;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        if (part.fieldname === FILE_FIELD && !file) {
          file = await part.toBuffer();
          continue;
        }
        // Drain it so the parser moves on; the part is refused below like any unexpected field.
        part.file.resume();
      }
      if (Object.hasOwn(fields, part.fieldname)) repeated.add(part.fieldname);
      fields[part.fieldname] = part.type === 'file' ? part.filename : part.value;
    }
  } catch (error) {
    throw toFormError(error);
  }
  const [repeatedField] = repeated;
  if (repeatedField) throw invalid(repeatedField, '只能提交一次');
  if (Object.hasOwn(fields, FILE_FIELD)) throw invalid(FILE_FIELD, '只能上传一张图片文件');
  const { purpose } = (await fieldsPipe.transform(fields, {
    type: 'body',
    metatype: CreateUploadDto,
  })) as CreateUploadDto;
  if (!file) throw invalid(FILE_FIELD, '请选择图片');
  return { purpose, file };
}

function invalid(field: string, message: string): AppException {
  return new AppException('VALIDATION_FAILED', `提交的信息有误：${field}`, [
    { field, message },
  ]);
}

/** @fastify/multipart and busboy errors → the envelope. All of them are about what the client sent. */
function toFormError(error: unknown): AppException {
  if (error instanceof AppException) return error;
  switch ((error as { code?: unknown } | null)?.code) {
    case 'FST_REQ_FILE_TOO_LARGE':
      return new AppException('PAYLOAD_TOO_LARGE');
    case 'FST_FILES_LIMIT':
      return invalid(FILE_FIELD, '只能上传一张图片');
    case 'FST_FIELDS_LIMIT':
    case 'FST_PARTS_LIMIT':
      return new AppException('VALIDATION_FAILED', '提交的字段太多');
    default:
      return new AppException(
        'VALIDATION_FAILED',
        '上传的内容格式不正确，请重新选择图片',
      );
  }
}
