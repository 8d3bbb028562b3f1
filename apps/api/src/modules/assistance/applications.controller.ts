import {
  Body,
  Controller,
  Get,
  Param,
  ParseIntPipe,
  Patch,
  Post,
  Query,
  Res,
  StreamableFile,
} from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type {
  AssistanceApplicationView,
  Page,
  StaffApplicationSummary,
  StaffApplicationView,
  ViewLogEntry,
} from '@jingcai/shared';
import type { FastifyReply } from 'fastify';
import type { AuthUser } from '../../common/auth/auth-user';
import { ContentRateLimit, CurrentUser, Roles } from '../../common/auth/decorators';
import { PageQuery } from '../../common/http/pagination';
import { XLSX, xlsxDownload } from '../../common/http/xlsx';
import { ApplicationExportService } from './application-export.service';
import { ApplicationReviewService } from './application-review.service';
import { ApplicationsService } from './applications.service';
import { ApplicationExportQueryDto } from './dto/application-export-query.dto';
import { ApplicationQueryDto } from './dto/application-query.dto';
import { CreateApplicationDto } from './dto/create-application.dto';
import { GrantDto } from './dto/grant.dto';
import { HomeVisitDto } from './dto/home-visit.dto';
import { ReturnApplicationDto } from './dto/return-application.dto';
import { ReviewStepDto } from './dto/review-step.dto';
import { UpdateApplicationDto } from './dto/update-application.dto';

/**
 * 帮扶申请. The applicant's routes (`mine`, edit, withdraw) and staff's review routes; an application is
 * visible only to its applicant and staff in scope (admins: all), every other caller gets 404.
 */
@ApiTags('assistance')
@ApiBearerAuth()
@Controller('assistance/applications')
export class ApplicationsController {
  constructor(
    private readonly applications: ApplicationsService,
    private readonly review: ApplicationReviewService,
    private readonly exports: ApplicationExportService,
  ) {}

  @Post()
  @ContentRateLimit()
  create(
    @CurrentUser() user: AuthUser,
    @Body() dto: CreateApplicationDto,
  ): Promise<AssistanceApplicationView> {
    return this.applications.create(user, dto);
  }

  @Get('mine')
  mine(@CurrentUser() user: AuthUser, @Query() query: PageQuery): Promise<Page<AssistanceApplicationView>> {
    return this.applications.mine(user, query);
  }

  @Get('mine/:id')
  mineOne(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIntPipe) id: number,
  ): Promise<AssistanceApplicationView> {
    return this.applications.mineOne(user, id);
  }

  @Patch(':id')
  @ContentRateLimit()
  update(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: UpdateApplicationDto,
  ): Promise<AssistanceApplicationView> {
    return this.applications.update(user, id, dto);
  }

  @Post(':id/withdraw')
  withdraw(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIntPipe) id: number,
  ): Promise<AssistanceApplicationView> {
    return this.applications.withdraw(user, id);
  }

  @Get()
  @Roles('staff')
  list(
    @CurrentUser() user: AuthUser,
    @Query() query: ApplicationQueryDto,
  ): Promise<Page<StaffApplicationSummary>> {
    return this.review.list(user, query);
  }

  /** Without sensitive fields; admins may include them (each application logged as exported). */
  @Get('export')
  @Roles('staff')
  @ApiProduces(XLSX)
  async export(
    @CurrentUser() user: AuthUser,
    @Query() query: ApplicationExportQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    return xlsxDownload(reply, 'assistance-applications.xlsx', await this.exports.workbook(user, query));
  }

  /** Every call is written to the application's view log. */
  @Get(':id')
  @Roles('staff')
  get(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number): Promise<StaffApplicationView> {
    return this.review.get(user, id);
  }

  @Get(':id/views')
  @Roles('admin')
  views(@Param('id', ParseIntPipe) id: number): Promise<ViewLogEntry[]> {
    return this.review.viewLog(id);
  }

  @Post(':id/visit')
  @Roles('staff')
  visit(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: HomeVisitDto,
  ): Promise<StaffApplicationView> {
    return this.review.visit(user, id, dto);
  }

  @Post(':id/check')
  @Roles('staff')
  check(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: ReviewStepDto,
  ): Promise<StaffApplicationView> {
    return this.review.check(user, id, dto.note);
  }

  @Post(':id/approve')
  @Roles('staff')
  approve(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: ReviewStepDto,
  ): Promise<StaffApplicationView> {
    return this.review.approve(user, id, dto.note);
  }

  @Post(':id/grant')
  @Roles('staff')
  grant(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: GrantDto,
  ): Promise<StaffApplicationView> {
    return this.review.grant(user, id, dto);
  }

  @Post(':id/return')
  @Roles('staff')
  return(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: ReturnApplicationDto,
  ): Promise<StaffApplicationView> {
    return this.review.return(user, id, dto.reason);
  }
}
