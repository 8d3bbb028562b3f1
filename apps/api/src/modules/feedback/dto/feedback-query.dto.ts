import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  FEEDBACK_CATEGORIES,
  type FeedbackCategory,
  type FeedbackQuery,
  type FeedbackStatus,
} from '@jingcai/shared';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import { PageQuery } from '../../../common/http/pagination';
import { booleanQuery } from '../../../common/http/transforms';

const STATUSES: FeedbackStatus[] = ['open', 'replied'];

export class FeedbackQueryDto extends PageQuery implements FeedbackQuery {
  @ApiPropertyOptional({ enum: STATUSES })
  @IsOptional()
  @IsIn(STATUSES)
  status?: FeedbackStatus;

  @ApiPropertyOptional({ enum: FEEDBACK_CATEGORIES })
  @IsOptional()
  @IsIn(FEEDBACK_CATEGORIES)
  category?: FeedbackCategory;

  @ApiPropertyOptional({ description: 'true：只看超期未答复' })
  @IsOptional()
  @Transform(booleanQuery)
  @IsBoolean()
  overdue?: boolean;
}
