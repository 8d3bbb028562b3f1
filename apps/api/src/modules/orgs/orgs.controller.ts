import { Body, Controller, Get, Param, ParseIntPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { OrgTreeNode, OrgView, Page } from '@jingcai/shared';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Roles } from '../../common/auth/decorators';
import { CreateOrgDto } from './dto/create-org.dto';
import { OrgQueryDto } from './dto/org-query.dto';
import { UpdateOrgDto } from './dto/update-org.dto';
import { OrgsService } from './orgs.service';

@ApiTags('orgs')
@ApiBearerAuth()
@Controller('orgs')
export class OrgsController {
  constructor(private readonly orgs: OrgsService) {}

  @Get()
  list(@Query() query: OrgQueryDto): Promise<Page<OrgView>> {
    return this.orgs.list(query);
  }

  @Get('tree')
  tree(): Promise<OrgTreeNode[]> {
    return this.orgs.tree();
  }

  @Get(':id')
  get(@Param('id', ParseIntPipe) id: number): Promise<OrgView> {
    return this.orgs.get(id);
  }

  @Post()
  @Roles('staff')
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateOrgDto): Promise<OrgView> {
    return this.orgs.create(user, dto);
  }

  @Patch(':id')
  @Roles('staff')
  update(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: UpdateOrgDto,
  ): Promise<OrgView> {
    return this.orgs.update(user, id, dto);
  }
}
