import { ApiProperty } from '@nestjs/swagger';
import { PLAIN_TEXT_PATTERN, type LegalMessageBody } from '@jingcai/shared';
import { Transform } from 'class-transformer';
import { IsString, Length, Matches } from 'class-validator';
import { trim } from '../../../common/http/transforms';
import { PhotosField } from './photos-field';

export class CreateLegalMessageDto extends PhotosField implements LegalMessageBody {
  @ApiProperty()
  @Transform(trim)
  @IsString()
  @Length(1, 3000)
  @Matches(PLAIN_TEXT_PATTERN)
  body!: string;
}
