import { ApiProperty } from '@nestjs/swagger';
import {
  ASSISTANCE_MAX_VISIT_PHOTOS,
  ASSISTANCE_VISITORS_MAX,
  ASSISTANCE_VISIT_NOTES_MAX,
  PLAIN_TEXT_PATTERN,
  type HomeVisitRequest,
} from '@jingcai/shared';
import { Transform } from 'class-transformer';
import { IsString, Length, Matches, MaxLength } from 'class-validator';
import { trim } from '../../../common/http/transforms';
import { DAY_MESSAGE, DAY_PATTERN } from '../../reading/dto/day';
import { UploadIds } from './upload-ids';

export class HomeVisitDto implements HomeVisitRequest {
  @ApiProperty({ example: '2026-12-01', description: '走访日期（北京时间），不能晚于今天' })
  @IsString()
  @MaxLength(10)
  @Matches(DAY_PATTERN, { message: DAY_MESSAGE })
  date!: string;

  @ApiProperty({ example: '李干事、王主席' })
  @Transform(trim)
  @IsString()
  @Length(2, ASSISTANCE_VISITORS_MAX)
  @Matches(PLAIN_TEXT_PATTERN)
  visitors!: string;

  @ApiProperty({ example: '入户核实：住房为租住，爱人卧床，孩子在校表现良好。' })
  @Transform(trim)
  @IsString()
  @Length(5, ASSISTANCE_VISIT_NOTES_MAX)
  @Matches(PLAIN_TEXT_PATTERN)
  notes!: string;

  @UploadIds(ASSISTANCE_MAX_VISIT_PHOTOS, '走访照片（用途 assistance_photo）')
  photoUploadIds?: string[];
}
