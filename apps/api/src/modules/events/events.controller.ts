import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  ParseIntPipe,
  Patch,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { EventView, LotteryResultView, Page, SignupView, WorkerEventView } from '@jingcai/shared';
import type { FastifyReply } from 'fastify';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Roles } from '../../common/auth/decorators';
import { CreateEventDto } from './dto/create-event.dto';
import { CreateSignupDto } from './dto/create-signup.dto';
import { EventQueryDto, ManageEventQueryDto } from './dto/event-query.dto';
import { UpdateEventDto } from './dto/update-event.dto';
import { EventsService } from './events.service';
import { LotteryService } from './lottery.service';
import { SignupsService } from './signups.service';

@ApiTags('events')
@ApiBearerAuth()
@Controller('events')
export class EventsController {
  constructor(
    private readonly events: EventsService,
    private readonly signups: SignupsService,
    private readonly lottery: LotteryService,
  ) {}

  /** Worker: events not over that their verified facts make them eligible for (or already signed up to). */
  @Get()
  list(@CurrentUser() user: AuthUser, @Query() query: EventQueryDto): Promise<Page<WorkerEventView>> {
    return this.events.list(user, query);
  }

  @Post()
  @Roles('staff')
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateEventDto): Promise<EventView> {
    return this.events.create(user, dto);
  }

  @Get('manage')
  @Roles('staff')
  managed(@CurrentUser() user: AuthUser, @Query() query: ManageEventQueryDto): Promise<Page<EventView>> {
    return this.events.managedList(user, query);
  }

  @Get(':id')
  get(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number): Promise<WorkerEventView> {
    return this.events.get(user, id);
  }

  @Patch(':id')
  @Roles('staff')
  update(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: UpdateEventDto,
  ): Promise<EventView> {
    return this.events.update(user, id, dto);
  }

  /** 201 with a new sign-up; 200 with the same one when this is a repeat (double tap, retry). */
  @Post(':id/signups')
  async signup(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: CreateSignupDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SignupView> {
    const { created, signup } = await this.signups.signup(user, id, dto);
    void reply.status(created ? HttpStatus.CREATED : HttpStatus.OK);
    return signup;
  }

  /** Staff run the draw after the window closed; it runs once, and a repeat answers the same result. */
  @Post(':id/lottery')
  @Roles('staff')
  @HttpCode(HttpStatus.OK)
  draw(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number): Promise<LotteryResultView> {
    return this.lottery.run(user, id);
  }

  /** The published seed and, once drawn, the entries and result: anyone signed in may re-run it. */
  @Get(':id/lottery')
  result(@Param('id', ParseIntPipe) id: number): Promise<LotteryResultView> {
    return this.lottery.result(id);
  }
}
