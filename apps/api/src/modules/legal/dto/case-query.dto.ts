import { ApiPropertyOptional } from '@nestjs/swagger';
import { LEGAL_CATEGORIES, PLAIN_TEXT_PATTERN, type LegalCategory } from '@jingcai/shared';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { PageQuery } from '../../../common/http/pagination';
import { trim } from '../../../common/http/transforms';

export class CaseQueryDto extends PageQuery {
  @ApiPropertyOptional({ enum: LEGAL_CATEGORIES })
  @IsOptional()
  @IsIn(LEGAL_CATEGORIES)
  category?: LegalCategory;

  @ApiPropertyOptional({ description: '标题和正文中的关键词' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(0, 50)
  @Matches(PLAIN_TEXT_PATTERN)
  q?: string;

  @ApiPropertyOptional({ enum: ['draft', 'published'], description: '工作人员可查看草稿' })
  @IsOptional()
  @IsIn(['draft', 'published'])
  status?: 'draft' | 'published';
}
