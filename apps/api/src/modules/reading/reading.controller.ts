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
  Res,
  StreamableFile,
} from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type {
  BookView,
  CheckinResultView,
  CheckinView,
  CurrentSeasonView,
  FeedPageView,
  LeaderboardView,
  LikeView,
  MyReadingView,
  Page,
  ReaderRankView,
  ReadingOrgRankView,
  SeasonView,
} from '@jingcai/shared';
import type { FastifyReply } from 'fastify';
import type { AuthUser } from '../../common/auth/auth-user';
import { ContentRateLimit, CurrentUser, Public, Roles } from '../../common/auth/decorators';
import { LeaderboardQuery } from '../../common/http/leaderboard-query';
import { PageQuery } from '../../common/http/pagination';
import { CreateBookDto } from './dto/create-book.dto';
import { CreateCheckinDto } from './dto/create-checkin.dto';
import { CreateSeasonDto } from './dto/create-season.dto';
import { DepthQueryDto } from './dto/depth-query.dto';
import { FeedQueryDto } from './dto/feed-query.dto';
import { HideCheckinDto } from './dto/hide-checkin.dto';
import { UpdateSeasonDto } from './dto/update-season.dto';
import { ReadingCheckinsService } from './reading-checkins.service';
import { ReadingFeedService } from './reading-feed.service';
import { ReadingPosterService } from './reading-poster.service';
import { ReadingRankingsService } from './reading-rankings.service';
import { ReadingSeasonsService } from './reading-seasons.service';
import { XLSX, xlsxDownload } from '../../common/http/xlsx';
import { SignedLinkQueryDto } from '../uploads/dto/signed-link-query.dto';

/** Staff: seasons and book lists in their subtree, hiding notes, exports. */
@ApiTags('reading (staff)')
@ApiBearerAuth()
@Roles('staff')
@Controller('reading')
export class ReadingStaffController {
  constructor(
    private readonly seasons: ReadingSeasonsService,
    private readonly feed: ReadingFeedService,
    private readonly rankings: ReadingRankingsService,
  ) {}

  @Post('seasons')
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateSeasonDto): Promise<SeasonView> {
    return this.seasons.create(user, dto);
  }

  @Get('seasons')
  list(@CurrentUser() user: AuthUser, @Query() query: PageQuery): Promise<Page<SeasonView>> {
    return this.seasons.listManaged(user, query);
  }

  @Get('seasons/:id')
  get(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number): Promise<SeasonView> {
    return this.seasons.get(user, id);
  }

  @Patch('seasons/:id')
  update(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: UpdateSeasonDto,
  ): Promise<SeasonView> {
    return this.seasons.update(user, id, dto);
  }

  @Post('seasons/:id/publish')
  @HttpCode(HttpStatus.OK)
  publish(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number): Promise<SeasonView> {
    return this.seasons.publish(user, id);
  }

  @Post('seasons/:id/books')
  addBook(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: CreateBookDto,
  ): Promise<BookView> {
    return this.seasons.addBook(user, id, dto);
  }

  @Delete('books/:id')
  @HttpCode(HttpStatus.NO_CONTENT)
  removeBook(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number): Promise<void> {
    return this.seasons.removeBook(user, id);
  }

  @Post('checkins/:id/hide')
  @HttpCode(HttpStatus.NO_CONTENT)
  hide(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: HideCheckinDto,
  ): Promise<void> {
    return this.feed.hide(user, id, dto);
  }

  @Get('seasons/:id/orgs.xlsx')
  @ApiProduces(XLSX)
  async orgsExport(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIntPipe) id: number,
    @Query() query: DepthQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    return xlsxDownload(
      reply,
      `reading-${id}-orgs.xlsx`,
      await this.rankings.orgsWorkbook(user, id, query.depth),
    );
  }

  @Get('seasons/:id/checkins.xlsx')
  @ApiProduces(XLSX)
  async checkinsExport(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIntPipe) id: number,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    return xlsxDownload(reply, `reading-${id}-checkins.xlsx`, await this.rankings.checkinsWorkbook(user, id));
  }
}

/** Workers: the current season, check-ins, my standing, the feed and likes, rankings, my poster. */
@ApiTags('reading')
@ApiBearerAuth()
@Controller('reading')
export class ReadingController {
  constructor(
    private readonly seasons: ReadingSeasonsService,
    private readonly checkins: ReadingCheckinsService,
    private readonly feed: ReadingFeedService,
    private readonly rankings: ReadingRankingsService,
    private readonly posters: ReadingPosterService,
  ) {}

  @Get('seasons/current')
  current(@CurrentUser() user: AuthUser): Promise<CurrentSeasonView> {
    return this.seasons.current(user.id);
  }

  @Post('seasons/:id/checkins')
  @ContentRateLimit()
  checkIn(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: CreateCheckinDto,
  ): Promise<CheckinResultView> {
    return this.checkins.checkIn(user, id, dto);
  }

  @Get('seasons/:id/checkins/mine')
  mine(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIntPipe) id: number,
    @Query() query: PageQuery,
  ): Promise<Page<CheckinView>> {
    return this.checkins.mine(user.id, id, query);
  }

  @Get('seasons/:id/me')
  me(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number): Promise<MyReadingView> {
    return this.checkins.me(user.id, id);
  }

  @Get('seasons/:id/feed')
  feedPage(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIntPipe) id: number,
    @Query() query: FeedQueryDto,
  ): Promise<FeedPageView> {
    return this.feed.feed(user.id, id, query);
  }

  @Post('checkins/:id/like')
  @HttpCode(HttpStatus.OK)
  like(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number): Promise<LikeView> {
    return this.feed.like(user, id);
  }

  @Delete('checkins/:id/like')
  unlike(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number): Promise<LikeView> {
    return this.feed.unlike(user, id);
  }

  @Get('seasons/:id/leaderboard')
  leaderboard(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIntPipe) id: number,
    @Query() query: LeaderboardQuery,
  ): Promise<LeaderboardView<ReaderRankView> | LeaderboardView<ReadingOrgRankView>> {
    return query.scope === 'org'
      ? this.rankings.orgs(user, id, query.depth, query.limit)
      : this.rankings.people(user, id, query.limit);
  }

  /** The poster behind `posterUrl`: the signature is the whole authorisation. */
  @Get('posters/:seasonId/:userId')
  @Public()
  @ApiProduces('image/png')
  async poster(
    @Param('seasonId', ParseIntPipe) seasonId: number,
    @Param('userId', ParseIntPipe) userId: number,
    @Query() query: SignedLinkQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const png = await this.posters.image(seasonId, userId, query.exp, query.sig);
    void reply
      .header('cache-control', 'private, max-age=600')
      .header('cross-origin-resource-policy', 'cross-origin');
    return new StreamableFile(png, { type: 'image/png' });
  }
}
