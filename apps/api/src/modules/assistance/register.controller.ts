import { Body, Controller, Get, Param, ParseIntPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Page, RegisterEntryView } from '@jingcai/shared';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Roles } from '../../common/auth/decorators';
import { CreateRegisterEntryDto } from './dto/create-register-entry.dto';
import { RegisterQueryDto } from './dto/register-query.dto';
import { RegisterReviewDto } from './dto/register-review.dto';
import { RegisterService } from './register.service';

/** 困难职工档案 (建档): staff of the family's subtree (admins: all). */
@ApiTags('assistance')
@ApiBearerAuth()
@Roles('staff')
@Controller('assistance/register')
export class RegisterController {
  constructor(private readonly register: RegisterService) {}

  @Get()
  list(@CurrentUser() user: AuthUser, @Query() query: RegisterQueryDto): Promise<Page<RegisterEntryView>> {
    return this.register.list(user, query);
  }

  @Post()
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateRegisterEntryDto): Promise<RegisterEntryView> {
    return this.register.create(user, dto);
  }

  @Post(':id/review')
  review(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: RegisterReviewDto,
  ): Promise<RegisterEntryView> {
    return this.register.review(user, id, dto);
  }
}
