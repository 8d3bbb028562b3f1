import { ApiProperty, ApiPropertyOptional, PartialType, PickType } from '@nestjs/swagger';
import {
  MAX_ID,
  ORG_KINDS,
  PLAIN_TEXT_PATTERN,
  type CreateOrgBody,
  type OrgKind,
  type OrgQuery,
  type UpdateOrgBody,
} from '@jingcai/shared';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min, ValidateIf } from 'class-validator';
import { PageQuery } from '../../../common/http/pagination';
import { Omittable, PATCH } from '../../../common/http/patch';

const MAX_MEMBERS = 10_000_000;

export class ListOrgsQuery extends PageQuery implements OrgQuery {
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

export class CreateOrgDto implements CreateOrgBody {
  @ApiProperty({ example: '京口区某某科技有限公司工会' })
  @IsString()
  @Length(2, 100)
  @Matches(PLAIN_TEXT_PATTERN)
  name!: string;

  @ApiProperty({ enum: ORG_KINDS })
  @IsIn(ORG_KINDS)
  kind!: OrgKind;

  @ApiProperty({ nullable: true, description: '上级组织；仅管理员可创建顶级组织' })
  @ValidateIf((_, value) => value !== null)
  @IsInt()
  @Min(1)
  @Max(MAX_ID)
  parentId!: number | null;

  @ApiPropertyOptional()
  @Omittable()
  @IsInt()
  @Min(0)
  @Max(MAX_MEMBERS)
  memberCount?: number;
}

/** Name and member count only: moving an org in the tree would rewrite its subtree's paths. */
export class UpdateOrgDto
  extends PartialType(PickType(CreateOrgDto, ['name', 'memberCount'] as const), PATCH)
  implements UpdateOrgBody {}
