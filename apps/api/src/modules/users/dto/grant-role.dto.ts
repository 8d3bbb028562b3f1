import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MAX_ID, ROLES, type GrantRoleBody, type Role } from '@jingcai/shared';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';

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
