import { ApiPropertyOptional } from '@nestjs/swagger';
import { WISH_STATUSES, type StaffWishQuery, type WishStatus } from '@jingcai/shared';
import { IsIn, IsOptional } from 'class-validator';
import { PageQuery } from '../../../common/http/pagination';

export class StaffWishQueryDto extends PageQuery implements StaffWishQuery {
  @ApiPropertyOptional({ enum: WISH_STATUSES, default: 'pending_review' })
  @IsOptional()
  @IsIn(WISH_STATUSES)
  status?: WishStatus;
}
