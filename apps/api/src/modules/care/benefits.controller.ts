import {
  Body,
  Controller,
  Get,
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
import type { BenefitView, ClaimView, Page, StationStatsView, WorkerBenefitView } from '@jingcai/shared';
import type { FastifyReply } from 'fastify';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Roles } from '../../common/auth/decorators';
import { PageQuery } from '../../common/http/pagination';
import { XLSX, xlsxDownload } from '../../common/http/xlsx';
import { BenefitsService } from './benefits.service';
import { ClaimsService } from './claims.service';
import { ChangeStockDto } from './dto/change-stock.dto';
import { CreateBenefitDto } from './dto/create-benefit.dto';
import { CreateClaimDto } from './dto/create-claim.dto';
import { UpdateBenefitDto } from './dto/update-benefit.dto';

@ApiTags('care')
@ApiBearerAuth()
@Controller('care')
export class BenefitsController {
  constructor(
    private readonly benefits: BenefitsService,
    private readonly claims: ClaimsService,
  ) {}

  /** Worker: what is open now, with eligibility and the reason when not eligible. */
  @Get('benefits')
  open(@CurrentUser() user: AuthUser): Promise<WorkerBenefitView[]> {
    return this.benefits.openFor(user.id);
  }

  /** 201 with a new claim; 200 with the existing one when this is a repeat (double tap, retry). */
  @Post('benefits/:id/claims')
  async claim(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: CreateClaimDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ClaimView> {
    const { created, claim } = await this.claims.claim(user.id, id, dto.stationId);
    void reply.status(created ? HttpStatus.CREATED : HttpStatus.OK);
    return claim;
  }

  @Get('managed-benefits')
  @Roles('staff')
  managed(@CurrentUser() user: AuthUser, @Query() query: PageQuery): Promise<Page<BenefitView>> {
    return this.benefits.managedList(user, query);
  }

  @Get('managed-benefits/:id')
  @Roles('staff')
  get(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number): Promise<BenefitView> {
    return this.benefits.get(user, id);
  }

  @Get('benefits/:id/claims.xlsx')
  @Roles('staff')
  @ApiProduces(XLSX)
  async claimsExport(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIntPipe) id: number,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    return xlsxDownload(reply, `benefit-${id}-claims.xlsx`, await this.benefits.claimsWorkbook(user, id));
  }

  @Get('managed-benefits/:id/stats')
  @Roles('staff')
  stats(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number): Promise<StationStatsView[]> {
    return this.benefits.stats(user, id);
  }

  @Post('benefits')
  @Roles('staff')
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateBenefitDto): Promise<BenefitView> {
    return this.benefits.create(user, dto);
  }

  @Patch('benefits/:id')
  @Roles('staff')
  update(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: UpdateBenefitDto,
  ): Promise<BenefitView> {
    return this.benefits.update(user, id, dto);
  }

  @Post('benefits/:id/stock')
  @Roles('staff')
  stock(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: ChangeStockDto,
  ): Promise<BenefitView> {
    return this.benefits.changeStock(user, id, dto.delta);
  }
}
