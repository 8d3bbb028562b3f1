import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  ParseIntPipe,
  Post,
  Query,
} from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { EventCheckinView, Page, SignupView } from '@jingcai/shared';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser } from '../../common/auth/decorators';
import { PageQuery } from '../../common/http/pagination';
import { CheckinsService } from './checkins.service';
import { EventCheckinDto } from './dto/event-checkin.dto';
import { SignupsService } from './signups.service';

/** A worker's tickets, and 签到 (staff scanning a ticket, or a worker entering the venue code). */
@ApiTags('events')
@ApiBearerAuth()
@Controller('events')
export class EventSignupsController {
  constructor(
    private readonly signups: SignupsService,
    private readonly checkins: CheckinsService,
  ) {}

  @Get('signups/mine')
  mine(@CurrentUser() user: AuthUser, @Query() query: PageQuery): Promise<Page<SignupView>> {
    return this.signups.mine(user, query);
  }

  @Get('signups/:id')
  one(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number): Promise<SignupView> {
    return this.signups.one(user, id);
  }

  /** Cancel before the event's cancellation deadline. */
  @Delete('signups/:id')
  cancel(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number): Promise<SignupView> {
    return this.signups.cancel(user, id);
  }

  /** Accept a waitlist offer before its deadline. */
  @Post('signups/:id/confirm')
  @HttpCode(HttpStatus.OK)
  confirm(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number): Promise<SignupView> {
    return this.signups.confirm(user, id);
  }

  /** Staff: `{ ticketCode }`; a worker at the venue: `{ sessionId, venueCode }`. */
  @Post('checkins')
  @HttpCode(HttpStatus.OK)
  checkIn(@CurrentUser() user: AuthUser, @Body() dto: EventCheckinDto): Promise<EventCheckinView> {
    return this.checkins.checkIn(user, dto);
  }
}
