import { Body, Controller, Get, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { MeView } from '@jingcai/shared';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser } from '../../common/auth/decorators';
import { BindPhoneDto } from './dto/bind-phone.dto';
import { RecordConsentDto } from './dto/record-consent.dto';
import { UpdateMeDto } from './dto/update-me.dto';
import { UsersService } from './users.service';

@ApiTags('me')
@ApiBearerAuth()
@Controller('me')
export class MeController {
  constructor(private readonly users: UsersService) {}

  @Get()
  me(@CurrentUser() user: AuthUser): Promise<MeView> {
    return this.users.me(user.id);
  }

  @Patch()
  update(@CurrentUser() user: AuthUser, @Body() dto: UpdateMeDto): Promise<MeView> {
    return this.users.updateMe(user.id, dto);
  }

  @Post('consent')
  consent(@CurrentUser() user: AuthUser, @Body() dto: RecordConsentDto): Promise<MeView> {
    return this.users.consent(user.id, dto.version);
  }

  @Post('phone')
  bindPhone(@CurrentUser() user: AuthUser, @Body() dto: BindPhoneDto): Promise<MeView> {
    return this.users.bindPhone(user.id, dto.code);
  }
}
