import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  ParseIntPipe,
  Patch,
  Post,
  Query,
  Req,
  Res,
  StreamableFile,
} from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import type {
  AttemptResultView,
  AttemptView,
  BankView,
  CampaignView,
  CertificateView,
  ImportResult,
  LeaderboardView,
  MistakeView,
  OrgRankView,
  ParticipationView,
  PersonRankView,
  PracticeResultView,
  QuestionView,
  WorkerCampaignView,
} from '@jingcai/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Public, Roles } from '../../common/auth/decorators';
import { AppException } from '../../common/errors/app-exception';
import { CreateCampaignDto } from './dto/create-campaign.dto';
import { CreateBankDto } from './dto/create-bank.dto';
import { SubmitPracticeDto } from './dto/submit-practice.dto';
import { CreateQuestionDto } from './dto/create-question.dto';
import { SubmitAttemptDto } from './dto/submit-attempt.dto';
import { UpdateCampaignDto } from './dto/update-campaign.dto';
import { QuizAttemptsService } from './quiz-attempts.service';
import { QuizBanksService } from './quiz-banks.service';
import { QuizCampaignsService } from './quiz-campaigns.service';
import { QuizCertificatesService } from './quiz-certificates.service';
import { QuizMistakesService } from './quiz-mistakes.service';
import { QuizRankingsService } from './quiz-rankings.service';
import { templateWorkbook } from './question-import';
import { LeaderboardQuery } from '../../common/http/leaderboard-query';
import { XLSX, xlsxDownload } from '../../common/http/xlsx';

const IMPORT_MAX_BYTES = 10 * 1024 * 1024;
/** As QuizCertificatesService checks it: a serial of any other shape is answered 404 like an unknown one. */
const CERTIFICATE_SERIAL = {
  name: 'serial',
  schema: { type: 'string' as const, pattern: '^JC[0-9A-F]{16}$', maxLength: 18 },
};

/** Staff: question banks and campaigns. */
@ApiTags('quiz')
@ApiBearerAuth()
@Roles('staff')
@Controller('quiz')
export class QuizStaffController {
  constructor(
    private readonly banks: QuizBanksService,
    private readonly campaigns: QuizCampaignsService,
  ) {}

  @Get('banks')
  listBanks(@CurrentUser() user: AuthUser): Promise<BankView[]> {
    return this.banks.list(user);
  }

  @Post('banks')
  createBank(@CurrentUser() user: AuthUser, @Body() dto: CreateBankDto): Promise<BankView> {
    return this.banks.create(user, dto);
  }

  @Get('banks/:id/questions')
  questions(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number): Promise<QuestionView[]> {
    return this.banks.questionsOf(user, id);
  }

  @Post('banks/:id/questions')
  addQuestion(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: CreateQuestionDto,
  ): Promise<QuestionView> {
    return this.banks.addQuestion(user, id, dto);
  }

  @Patch('questions/:id')
  updateQuestion(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: CreateQuestionDto,
  ): Promise<QuestionView> {
    return this.banks.updateQuestion(user, id, dto);
  }

  @Delete('questions/:id')
  @HttpCode(HttpStatus.NO_CONTENT)
  deleteQuestion(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number): Promise<void> {
    return this.banks.deleteQuestion(user, id);
  }

  /** Multipart `file` (.xlsx or .csv). 200 with `{ imported }`, or 422 with `{ errors: [{ row, message }] }` and nothing imported. */
  @Post('banks/:id/import')
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: {
        file: { type: 'string', format: 'binary', maxLength: IMPORT_MAX_BYTES, description: '.xlsx 或 .csv' },
      },
    },
  })
  async import(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIntPipe) id: number,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ImportResult> {
    const file = await request
      .file({ limits: { fileSize: IMPORT_MAX_BYTES, files: 1 } })
      .catch(() => undefined);
    if (!file || file.fieldname !== 'file' || !/\.(xlsx|csv)$/i.test(file.filename)) {
      throw new AppException('VALIDATION_FAILED', '请上传 .xlsx 或 .csv 文件', [
        { field: 'file', message: '请上传 .xlsx 或 .csv 文件' },
      ]);
    }
    const result = await this.banks.import(user, id, await file.toBuffer(), file.filename);
    void reply.status('errors' in result ? HttpStatus.UNPROCESSABLE_ENTITY : HttpStatus.OK);
    return result;
  }

  @Get('import-template.xlsx')
  @ApiProduces(XLSX)
  async template(@Res({ passthrough: true }) reply: FastifyReply): Promise<StreamableFile> {
    return xlsxDownload(reply, '题库导入模板.xlsx', await templateWorkbook());
  }

  @Get('managed-campaigns')
  listCampaigns(@CurrentUser() user: AuthUser): Promise<CampaignView[]> {
    return this.campaigns.listManaged(user);
  }

  @Post('campaigns')
  createCampaign(@CurrentUser() user: AuthUser, @Body() dto: CreateCampaignDto): Promise<CampaignView> {
    return this.campaigns.create(user, dto);
  }

  @Patch('campaigns/:id')
  updateCampaign(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: UpdateCampaignDto,
  ): Promise<CampaignView> {
    return this.campaigns.update(user, id, dto);
  }

  @Post('campaigns/:id/publish')
  publish(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number): Promise<CampaignView> {
    return this.campaigns.publish(user, id);
  }

  @Post('campaigns/:id/end')
  end(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number): Promise<CampaignView> {
    return this.campaigns.end(user, id);
  }

  @Get('campaigns/:id/participation')
  participation(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIntPipe) id: number,
  ): Promise<ParticipationView> {
    return this.campaigns.participation(user, id);
  }

  @Get('campaigns/:id/results.xlsx')
  @ApiProduces(XLSX)
  async results(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIntPipe) id: number,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    return xlsxDownload(reply, `campaign-${id}-results.xlsx`, await this.campaigns.resultsWorkbook(user, id));
  }
}

/** Workers: campaigns, attempts, rankings, mistakes; certificates are public by serial. */
@ApiTags('quiz')
@ApiBearerAuth()
@Controller('quiz')
export class QuizController {
  constructor(
    private readonly campaigns: QuizCampaignsService,
    private readonly attempts: QuizAttemptsService,
    private readonly mistakesService: QuizMistakesService,
    private readonly rankings: QuizRankingsService,
    private readonly certificates: QuizCertificatesService,
  ) {}

  @Get('campaigns')
  open(@CurrentUser() user: AuthUser): Promise<WorkerCampaignView[]> {
    return this.campaigns.openFor(user.id);
  }

  @Post('campaigns/:id/attempts')
  async start(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIntPipe) id: number,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AttemptView> {
    const { created, attempt } = await this.attempts.start(user, id);
    void reply.status(created ? HttpStatus.CREATED : HttpStatus.OK);
    return attempt;
  }

  @Get('attempts/:id')
  attempt(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number): Promise<AttemptView> {
    return this.attempts.get(user.id, id);
  }

  @Post('attempts/:id/submit')
  async submit(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: SubmitAttemptDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AttemptResultView> {
    const { created, result } = await this.attempts.submit(user.id, id, dto.answers);
    void reply.status(created ? HttpStatus.CREATED : HttpStatus.OK);
    return result;
  }

  @Get('attempts/:id/result')
  result(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number): Promise<AttemptResultView> {
    return this.attempts.result(user.id, id);
  }

  @Get('campaigns/:id/leaderboard')
  leaderboard(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIntPipe) id: number,
    @Query() query: LeaderboardQuery,
  ): Promise<LeaderboardView<PersonRankView> | LeaderboardView<OrgRankView>> {
    return query.scope === 'org'
      ? this.rankings.orgs(id, user, query.depth, query.limit)
      : this.rankings.people(id, user, query.limit);
  }

  @Get('mistakes')
  mistakes(@CurrentUser() user: AuthUser): Promise<MistakeView[]> {
    return this.mistakesService.mistakesOf(user.id);
  }

  @Post('mistakes/:questionId/practice')
  practice(
    @CurrentUser() user: AuthUser,
    @Param('questionId', ParseIntPipe) questionId: number,
    @Body() dto: SubmitPracticeDto,
  ): Promise<PracticeResultView> {
    return this.mistakesService.practice(user.id, questionId, dto.choice);
  }

  @Get('certificates/:serial')
  @Public()
  @ApiParam(CERTIFICATE_SERIAL)
  certificate(@Param('serial') serial: string): Promise<CertificateView> {
    return this.certificates.verify(serial);
  }

  @Get('certificates/:serial/image.png')
  @Public()
  @ApiParam(CERTIFICATE_SERIAL)
  @ApiProduces('image/png')
  async certificateImage(
    @Param('serial') serial: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const png = await this.certificates.image(serial);
    void reply
      .header('cache-control', 'public, max-age=86400')
      .header('cross-origin-resource-policy', 'cross-origin');
    return new StreamableFile(png, { type: 'image/png' });
  }
}
