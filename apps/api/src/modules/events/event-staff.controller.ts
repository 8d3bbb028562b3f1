import { Controller, Get, Param, ParseIntPipe, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { AttendanceView, Page, StaffSignupView, VenueCodeView } from '@jingcai/shared';
import type { FastifyReply } from 'fastify';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Roles } from '../../common/auth/decorators';
import { XLSX, xlsxDownload } from '../../common/http/xlsx';
import { CheckinsService } from './checkins.service';
import { SignupExportQueryDto, SignupQueryDto, VenueCodeQueryDto } from './dto/event-query.dto';
import { EventSignupsAdminService } from './event-signups-admin.service';

/** What an event's staff read: its sign-ups, the export, the venue screen's code, live attendance. */
@ApiTags('events')
@ApiBearerAuth()
@Controller('events')
@Roles('staff')
export class EventStaffController {
  constructor(
    private readonly admin: EventSignupsAdminService,
    private readonly checkins: CheckinsService,
  ) {}

  @Get(':id/signups')
  signups(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIntPipe) id: number,
    @Query() query: SignupQueryDto,
  ): Promise<Page<StaffSignupView>> {
    return this.admin.list(user, id, query);
  }

  @Get(':id/signups/export')
  @ApiProduces(XLSX)
  async export(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIntPipe) id: number,
    @Query() query: SignupExportQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    return xlsxDownload(reply, `event-${id}-signups.xlsx`, await this.admin.workbook(user, id, query));
  }

  @Get(':id/venue-code')
  venueCode(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIntPipe) id: number,
    @Query() query: VenueCodeQueryDto,
  ): Promise<VenueCodeView> {
    return this.checkins.venueCode(user, id, query.sessionId);
  }

  @Get(':id/attendance')
  attendance(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number): Promise<AttendanceView> {
    return this.checkins.attendance(user, id);
  }
}
