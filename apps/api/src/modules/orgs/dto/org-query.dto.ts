import { ApiPropertyOptional } from '@nestjs/swagger';
import { MAX_ID, PLAIN_TEXT_PATTERN, type OrgQuery } from '@jingcai/shared';
import { Transform, Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { PageQuery } from '../../../common/http/pagination';

export class OrgQueryDto extends PageQuery implements OrgQuery {
  @ApiPropertyOptional({ description: '名称包含的文字' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @Length(1, 50)
  @Matches(PLAIN_TEXT_PATTERN)
  q?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_ID)
  parentId?: number;
}
