import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MAX_ID, ORG_KINDS, PLAIN_TEXT_PATTERN, type CreateOrgBody, type OrgKind } from '@jingcai/shared';
import { IsIn, IsInt, IsString, Length, Matches, Max, Min, ValidateIf } from 'class-validator';
import { Omittable } from '../../../common/http/patch';

const MAX_MEMBERS = 10_000_000;

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
