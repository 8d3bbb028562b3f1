import { ApiProperty } from '@nestjs/swagger';
import { LEGAL_CATEGORIES, PLAIN_TEXT_PATTERN, type AskBody, type LegalCategory } from '@jingcai/shared';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsString, Length, Matches } from 'class-validator';
import { trim } from '../../../common/http/transforms';
import { PhotosField } from './photos-field';

export class CreateLegalQuestionDto extends PhotosField implements AskBody {
  @ApiProperty({ enum: LEGAL_CATEGORIES })
  @IsIn(LEGAL_CATEGORIES)
  category!: LegalCategory;

  @ApiProperty({ example: '工地老板拖欠三个月工资怎么办' })
  @Transform(trim)
  @IsString()
  @Length(4, 100)
  @Matches(PLAIN_TEXT_PATTERN)
  title!: string;

  @ApiProperty()
  @Transform(trim)
  @IsString()
  @Length(10, 3000)
  @Matches(PLAIN_TEXT_PATTERN)
  body!: string;

  @ApiProperty()
  @IsBoolean()
  publicAllowed!: boolean;
}
