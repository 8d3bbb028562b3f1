import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MAX_ID, PHONE_PATTERN, ROLES, type GrantRoleBody, type Role } from '@jingcai/shared';
import { IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';

export class GrantRoleDto implements GrantRoleBody {
  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES.filter((r) => r !== 'worker'))
  role!: Role;

  @ApiPropertyOptional({ description: '工作人员必填：其管理的组织（含下级）' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_ID)
  orgId?: number;
}

export class FindUserQuery {
  @ApiProperty({ description: '完整手机号（按加密哈希精确查找）' })
  @IsString()
  @Length(11, 11)
  @Matches(PHONE_PATTERN)
  phone!: string;
}
