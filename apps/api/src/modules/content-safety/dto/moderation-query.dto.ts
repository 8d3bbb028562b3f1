import { ApiPropertyOptional } from '@nestjs/swagger';
import { MODERATION_STATUSES, type ModerationQuery, type ModerationStatus } from '@jingcai/shared';
import { IsIn, IsOptional } from 'class-validator';
import { PageQuery } from '../../../common/http/pagination';

export class ModerationQueryDto extends PageQuery implements ModerationQuery {
  @ApiPropertyOptional({ enum: MODERATION_STATUSES, default: 'pending' })
  @IsOptional()
  @IsIn(MODERATION_STATUSES)
  status?: ModerationStatus;
}
