import {
  Body,
  Controller,
  Delete,
  Get,
  Param,
  ParseIntPipe,
  Post,
  Query,
  Res,
  StreamableFile,
} from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { ClaimView, RedemptionView } from '@jingcai/shared';
import type { FastifyReply } from 'fastify';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Roles } from '../../common/auth/decorators';
import { ClaimsService } from './claims.service';
import { CreateRedemptionDto } from './dto/create-redemption.dto';
import { QrCodeQueryDto } from './dto/qr-code-query.dto';
import { RedemptionsService } from './redemptions.service';

@ApiTags('care')
@ApiBearerAuth()
@Controller('care')
export class ClaimsController {
  constructor(
    private readonly claims: ClaimsService,
    private readonly redemptions: RedemptionsService,
  ) {}

  @Get('claims/mine')
  mine(@CurrentUser() user: AuthUser): Promise<ClaimView[]> {
    return this.claims.mine(user.id);
  }

  @Get('claims/:id')
  get(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number): Promise<ClaimView> {
    return this.claims.get(user.id, id);
  }

  /** The pickup code as an image: a mini-program code on weapp, a plain QR code on H5 or when WeChat fails. */
  @Get('claims/:id/qrcode')
  @ApiProduces('image/png', 'image/jpeg')
  async qrCode(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIntPipe) id: number,
    @Query() query: QrCodeQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const image = await this.claims.qrCode(user.id, id, query.platform === 'h5');
    void reply.header('cache-control', 'private, no-store').header('x-qr-kind', image.kind);
    return new StreamableFile(image.data, { type: image.contentType, length: image.data.length });
  }

  @Delete('claims/:id')
  cancel(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number): Promise<ClaimView> {
    return this.claims.cancel(user.id, id);
  }

  @Post('redemptions')
  @Roles('staff')
  redeem(@CurrentUser() user: AuthUser, @Body() dto: CreateRedemptionDto): Promise<RedemptionView> {
    return this.redemptions.redeem(user, dto.code);
  }

  @Get('redemptions/today')
  @Roles('staff')
  today(@CurrentUser() user: AuthUser): Promise<RedemptionView[]> {
    return this.redemptions.today(user);
  }
}
