import { ApiPropertyOptional } from '@nestjs/swagger';
import type { RegisterQuery, RegisterStatus } from '@jingcai/shared';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import { PageQuery } from '../../../common/http/pagination';
import { booleanQuery } from '../../../common/http/transforms';

const STATUSES: RegisterStatus[] = ['active', 'closed'];

export class RegisterQueryDto extends PageQuery implements RegisterQuery {
  @ApiPropertyOptional({ enum: STATUSES })
  @IsOptional()
  @IsIn(STATUSES)
  status?: RegisterStatus;

  @ApiPropertyOptional({ description: 'true：只看到期待复核的' })
  @IsOptional()
  @Transform(booleanQuery)
  @IsBoolean()
  dueOnly?: boolean;
}
