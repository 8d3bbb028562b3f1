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
} from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type {
  AidApplicationView,
  AssigneeView,
  LegalCaseView,
  LegalMessageView,
  LegalQuestionSummaryView,
  LegalQuestionView,
  Page,
} from '@jingcai/shared';
import type { AuthUser } from '../../common/auth/auth-user';
import { ContentRateLimit, CurrentUser, Roles } from '../../common/auth/decorators';
import { PageQuery } from '../../common/http/pagination';
import { AidQueryDto } from './dto/aid-query.dto';
import { AssignQuestionDto } from './dto/assign-question.dto';
import { AssigneeQueryDto } from './dto/assignee-query.dto';
import { CaseQueryDto } from './dto/case-query.dto';
import { ChangeAidStatusDto } from './dto/change-aid-status.dto';
import { CloseQuestionDto } from './dto/close-question.dto';
import { CreateAidApplicationDto } from './dto/create-aid-application.dto';
import { CreateLegalCaseDto } from './dto/create-legal-case.dto';
import { CreateLegalMessageDto } from './dto/create-legal-message.dto';
import { CreateLegalQuestionDto } from './dto/create-legal-question.dto';
import { InboxQueryDto } from './dto/inbox-query.dto';
import { UpdateLegalCaseDto } from './dto/update-legal-case.dto';
import { LegalAidService } from './legal-aid.service';
import { LegalCasesService } from './legal-cases.service';
import { LegalQuestionsService } from './legal-questions.service';

/** Questions and their threads: asker, assignee and staff in scope; 404 for everyone else. */
@ApiTags('legal')
@ApiBearerAuth()
@Controller('legal')
export class LegalController {
  constructor(
    private readonly questions: LegalQuestionsService,
    private readonly cases: LegalCasesService,
    private readonly aid: LegalAidService,
  ) {}

  @Post('questions')
  @ContentRateLimit()
  ask(@CurrentUser() user: AuthUser, @Body() dto: CreateLegalQuestionDto): Promise<LegalQuestionView> {
    return this.questions.ask(user, dto);
  }

  @Get('questions/mine')
  mine(@CurrentUser() user: AuthUser, @Query() query: PageQuery): Promise<Page<LegalQuestionSummaryView>> {
    return this.questions.mine(user.id, query.page, query.pageSize);
  }

  @Get('questions/:id')
  get(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number): Promise<LegalQuestionView> {
    return this.questions.get(user, id);
  }

  @Post('questions/:id/messages')
  @ContentRateLimit()
  post(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: CreateLegalMessageDto,
  ): Promise<LegalMessageView> {
    return this.questions.post(user, id, dto);
  }

  @Post('questions/:id/close')
  @HttpCode(HttpStatus.OK)
  close(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: CloseQuestionDto,
  ): Promise<LegalQuestionView> {
    return this.questions.close(user, id, dto.rating, dto.comment);
  }

  /** Staff see their subtree, lawyers what is assigned to them. */
  @Get('inbox')
  @Roles('staff', 'lawyer')
  inbox(
    @CurrentUser() user: AuthUser,
    @Query() query: InboxQueryDto,
  ): Promise<Page<LegalQuestionSummaryView>> {
    return this.questions.inbox(user, query);
  }

  @Get('assignees')
  @Roles('staff')
  assignees(@CurrentUser() user: AuthUser, @Query() query: AssigneeQueryDto): Promise<AssigneeView[]> {
    return this.questions.assignees(user, query.questionId);
  }

  @Post('questions/:id/assign')
  @Roles('staff')
  @HttpCode(HttpStatus.OK)
  assign(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: AssignQuestionDto,
  ): Promise<LegalQuestionView> {
    return this.questions.assign(user, id, dto.userId);
  }

  @Post('questions/:id/case-draft')
  @Roles('staff')
  caseDraft(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number): Promise<LegalCaseView> {
    return this.cases.draftFromQuestion(user, id);
  }

  @Get('cases')
  searchCases(@CurrentUser() user: AuthUser, @Query() query: CaseQueryDto): Promise<Page<LegalCaseView>> {
    return this.cases.search(user, query);
  }

  @Get('cases/:id')
  getCase(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number): Promise<LegalCaseView> {
    return this.cases.get(user, id);
  }

  @Post('cases')
  @Roles('staff')
  createCase(@CurrentUser() user: AuthUser, @Body() dto: CreateLegalCaseDto): Promise<LegalCaseView> {
    return this.cases.create(user, dto);
  }

  @Patch('cases/:id')
  @Roles('staff')
  updateCase(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: UpdateLegalCaseDto,
  ): Promise<LegalCaseView> {
    return this.cases.update(user, id, dto);
  }

  @Post('cases/:id/publish')
  @Roles('staff')
  @HttpCode(HttpStatus.OK)
  publishCase(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number): Promise<LegalCaseView> {
    return this.cases.publish(user, id);
  }

  @Post('cases/:id/unpublish')
  @Roles('staff')
  @HttpCode(HttpStatus.OK)
  unpublishCase(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIntPipe) id: number,
  ): Promise<LegalCaseView> {
    return this.cases.unpublish(user, id);
  }

  @Post('aid-applications')
  @ContentRateLimit()
  applyForAid(
    @CurrentUser() user: AuthUser,
    @Body() dto: CreateAidApplicationDto,
  ): Promise<AidApplicationView> {
    return this.aid.apply(user, dto);
  }

  @Get('aid-applications/mine')
  myAid(@CurrentUser() user: AuthUser): Promise<AidApplicationView[]> {
    return this.aid.mine(user.id);
  }

  @Get('aid-applications')
  @Roles('staff')
  listAid(@CurrentUser() user: AuthUser, @Query() query: AidQueryDto): Promise<Page<AidApplicationView>> {
    return this.aid.list(user, query);
  }

  @Get('aid-applications/:id')
  getAid(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number): Promise<AidApplicationView> {
    return this.aid.view(user, id);
  }

  @Post('aid-applications/:id/status')
  @Roles('staff')
  @HttpCode(HttpStatus.OK)
  changeAidStatus(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: ChangeAidStatusDto,
  ): Promise<AidApplicationView> {
    return this.aid.changeStatus(user, id, dto);
  }
}
