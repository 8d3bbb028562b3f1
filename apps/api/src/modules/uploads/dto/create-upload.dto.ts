import { UPLOAD_PURPOSES, type UploadPurpose } from '@jingcai/shared';
import { IsIn } from 'class-validator';

/** The text fields of the multipart form (the `file` part is read separately). */
export class CreateUploadDto {
  @IsIn(UPLOAD_PURPOSES)
  purpose!: UploadPurpose;
}
