import { ApiProperty } from '@nestjs/swagger';
import { UPLOAD_ID_PATTERN } from '../upload-id';
import { Matches, MaxLength } from 'class-validator';

export class UploadIdParams {
  @ApiProperty()
  @MaxLength(32)
  @Matches(UPLOAD_ID_PATTERN)
  id!: string;
}
