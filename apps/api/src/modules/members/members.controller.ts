import { Body, Controller, Get, Param, ParseIntPipe, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { MemberView, Page } from '@jingcai/shared';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Roles } from '../../common/auth/decorators';
import { MemberQueryDto } from './dto/member-query.dto';
import { UpdateMemberTagsDto } from './dto/update-member-tags.dto';
import { MembersService } from './members.service';

@ApiTags('members')
@ApiBearerAuth()
@Roles('staff')
@Controller('members')
export class MembersController {
  constructor(private readonly members: MembersService) {}

  @Get()
  search(@CurrentUser() user: AuthUser, @Query() query: MemberQueryDto): Promise<Page<MemberView>> {
    return this.members.search(user, query);
  }

  @Put(':id/tags')
  setTags(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: UpdateMemberTagsDto,
  ): Promise<MemberView> {
    return this.members.setTags(user, id, dto.tags);
  }
}
