import { Body, Controller, Get, HttpCode, HttpStatus, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { DeletionView, MeView, PersonalDataExport } from '@jingcai/shared';
import type { FastifyReply } from 'fastify';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser } from '../../common/auth/decorators';
import { XLSX, xlsxDownload } from '../../common/http/xlsx';
import { AccountService } from './account.service';
import { DataExportQueryDto } from './dto/data-export-query.dto';
import { RequestDeletionDto } from './dto/request-deletion.dto';
import { personalDataWorkbook } from './personal-data-workbook';

/** A worker's rights over their own data: the copy, withdrawing consent, 注销. */
@ApiTags('me')
@ApiBearerAuth()
@Controller('me')
export class AccountController {
  constructor(private readonly account: AccountService) {}

  @Get('data-export')
  @ApiProduces('application/json', XLSX)
  async dataExport(
    @CurrentUser() user: AuthUser,
    @Query() query: DataExportQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PersonalDataExport | StreamableFile> {
    const copy = await this.account.dataCopy(user.id);
    if (query.format !== 'xlsx') return copy;
    return xlsxDownload(reply, `jingcai-my-data-${user.id}.xlsx`, await personalDataWorkbook(copy));
  }

  @Post('deletion')
  @HttpCode(HttpStatus.OK)
  requestDeletion(@CurrentUser() user: AuthUser, @Body() dto: RequestDeletionDto): Promise<DeletionView> {
    return this.account.requestDeletion(user, dto.confirmation);
  }

  @Post('consent/withdraw')
  @HttpCode(HttpStatus.OK)
  withdrawConsent(@CurrentUser() user: AuthUser): Promise<MeView> {
    return this.account.withdrawConsent(user.id);
  }
}
