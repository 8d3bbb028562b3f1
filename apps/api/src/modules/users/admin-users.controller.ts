import { Body, Controller, Delete, Get, Param, ParseIntPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { MeView, RoleGrantView } from '@jingcai/shared';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Roles } from '../../common/auth/decorators';
import { UserQueryDto } from './dto/user-query.dto';
import { GrantRoleDto } from './dto/grant-role.dto';
import { UsersService } from './users.service';

/** District-level user administration: only admins grant roles (SPEC "People and roles"). */
@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin/users')
export class AdminUsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  findByPhone(@Query() query: UserQueryDto): Promise<MeView[]> {
    return this.users.findByPhone(query.phone);
  }

  @Post(':id/roles')
  grant(
    @CurrentUser() admin: AuthUser,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: GrantRoleDto,
  ): Promise<RoleGrantView[]> {
    return this.users.grantRoleAs(admin, id, dto);
  }

  @Delete(':id/roles')
  revoke(@Param('id', ParseIntPipe) id: number, @Body() dto: GrantRoleDto): Promise<RoleGrantView[]> {
    return this.users.revokeRole(id, dto);
  }
}
