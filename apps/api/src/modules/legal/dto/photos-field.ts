import { ApiPropertyOptional } from '@nestjs/swagger';
import { LEGAL_QUESTION_MAX_PHOTOS } from '@jingcai/shared';
import { ArrayMaxSize, IsArray, IsOptional, IsString, Length, Matches } from 'class-validator';
import { UPLOAD_ID_PATTERN } from '../../uploads/upload-id';

/** Photos attached to a question or a message: uploads of kind legal_photo, by id. */
export class PhotosField {
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(LEGAL_QUESTION_MAX_PHOTOS)
  @IsString({ each: true })
  @Length(10, 32, { each: true })
  @Matches(UPLOAD_ID_PATTERN, { each: true })
  photoIds?: string[];
}
