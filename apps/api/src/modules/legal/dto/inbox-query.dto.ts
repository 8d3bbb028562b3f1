import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  LEGAL_CATEGORIES,
  LEGAL_QUESTION_STATUSES,
  type LegalCategory,
  type LegalQuestionStatus,
} from '@jingcai/shared';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import { PageQuery } from '../../../common/http/pagination';
import { booleanQuery } from '../../../common/http/transforms';

export class InboxQueryDto extends PageQuery {
  @ApiPropertyOptional({ enum: LEGAL_QUESTION_STATUSES })
  @IsOptional()
  @IsIn(LEGAL_QUESTION_STATUSES)
  status?: LegalQuestionStatus;

  @ApiPropertyOptional({ enum: LEGAL_CATEGORIES })
  @IsOptional()
  @IsIn(LEGAL_CATEGORIES)
  category?: LegalCategory;

  @ApiPropertyOptional({ description: 'true：只看超期未答复' })
  @IsOptional()
  @Transform(booleanQuery)
  @IsBoolean()
  overdue?: boolean;
}
