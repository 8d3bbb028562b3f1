import { Body, Controller, Get, Param, ParseIntPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Page, StaffWishView, WishView, WishWallItem } from '@jingcai/shared';
import type { AuthUser } from '../../common/auth/auth-user';
import { ContentRateLimit, CurrentUser, Roles } from '../../common/auth/decorators';
import { PageQuery } from '../../common/http/pagination';
import { ConfirmWishDto } from './dto/confirm-wish.dto';
import { CreateWishDto } from './dto/create-wish.dto';
import { EnterpriseClaimDto } from './dto/enterprise-claim.dto';
import { PublishWishDto } from './dto/publish-wish.dto';
import { RejectWishDto } from './dto/reject-wish.dto';
import { StaffWishQueryDto } from './dto/staff-wish-query.dto';
import { WishWallQueryDto } from './dto/wish-wall-query.dto';
import { WishReviewService } from './wish-review.service';
import { WishesService } from './wishes.service';

/** 微心愿: the wall (every signed-in worker), the family's and the donor's own wishes, staff vetting. */
@ApiTags('assistance')
@ApiBearerAuth()
@Controller('assistance/wishes')
export class WishesController {
  constructor(
    private readonly wishes: WishesService,
    private readonly review: WishReviewService,
  ) {}

  /** The wall: no name, phone, address or org below the street. */
  @Get()
  wall(@Query() query: WishWallQueryDto): Promise<Page<WishWallItem>> {
    return this.wishes.wall(query);
  }

  @Post()
  @ContentRateLimit()
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateWishDto): Promise<WishView> {
    return this.wishes.create(user, dto);
  }

  @Get('mine')
  mine(@CurrentUser() user: AuthUser, @Query() query: PageQuery): Promise<Page<WishView>> {
    return this.wishes.mine(user, query);
  }

  @Get('mine/:id')
  mineOne(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number): Promise<WishView> {
    return this.wishes.mineOne(user, id);
  }

  @Get('review')
  @Roles('staff')
  reviewQueue(
    @CurrentUser() user: AuthUser,
    @Query() query: StaffWishQueryDto,
  ): Promise<Page<StaffWishView>> {
    return this.review.list(user, query);
  }

  /** One wish of the wall, as the wall shows it (published wishes only; any other id is a 404). */
  @Get(':id')
  wallItem(@Param('id', ParseIntPipe) id: number): Promise<WishWallItem> {
    return this.wishes.wallItem(id);
  }

  @Post(':id/publish')
  @Roles('staff')
  publish(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: PublishWishDto,
  ): Promise<StaffWishView> {
    return this.review.publish(user, id, dto);
  }

  @Post(':id/reject')
  @Roles('staff')
  reject(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: RejectWishDto,
  ): Promise<StaffWishView> {
    return this.review.reject(user, id, dto.reason);
  }

  /** Any signed-in worker, for themselves; exactly one donor per wish. */
  @Post(':id/claim')
  claim(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number): Promise<WishView> {
    return this.wishes.claim(user, id);
  }

  /** Staff of the family's subtree record an enterprise as the donor. */
  @Post(':id/enterprise-claim')
  @Roles('staff')
  enterpriseClaim(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: EnterpriseClaimDto,
  ): Promise<WishView> {
    return this.wishes.claim(user, id, dto.enterpriseName);
  }

  @Post(':id/handed-over')
  handedOver(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number): Promise<WishView> {
    return this.wishes.handedOver(user, id);
  }

  @Post(':id/confirm')
  @Roles('staff')
  confirm(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: ConfirmWishDto,
  ): Promise<StaffWishView> {
    return this.review.confirm(user, id, dto);
  }
}
