import { Controller, Get, Param, Post, Query, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiProduces, ApiTags } from '@nestjs/swagger';
import { UPLOAD_MAX_BYTES, UPLOAD_PURPOSES, type UploadView } from '@jingcai/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Public } from '../../common/auth/decorators';
import { SignedLinkQueryDto } from './dto/signed-link-query.dto';
import { UploadIdParams } from './dto/upload-id-params.dto';
import { FILE_FIELD, readUploadForm } from './upload-form';
import { UploadsService } from './uploads.service';

@ApiTags('uploads')
@Controller('uploads')
export class UploadsController {
  constructor(private readonly uploads: UploadsService) {}

  @Post()
  @ApiBearerAuth()
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: [FILE_FIELD, 'purpose'],
      properties: {
        [FILE_FIELD]: {
          type: 'string',
          format: 'binary',
          // Enforced by the multipart limits registered in app.factory.ts.
          maxLength: UPLOAD_MAX_BYTES,
          description: `JPG、PNG、WebP 或 GIF，不超过 ${UPLOAD_MAX_BYTES / 1024 / 1024} MB；存为去除元数据的 JPG`,
        },
        purpose: { type: 'string', enum: [...UPLOAD_PURPOSES] },
      },
    },
  })
  async create(@CurrentUser() user: AuthUser, @Req() request: FastifyRequest): Promise<UploadView> {
    const form = await readUploadForm(request);
    return this.uploads.create(user.id, form.purpose, form.file);
  }

  @Get(':id')
  @ApiBearerAuth()
  get(@CurrentUser() user: AuthUser, @Param() params: UploadIdParams): Promise<UploadView> {
    return this.uploads.view(user, params.id);
  }

  /** Public: an <Image src> cannot send a token, so the signed query string is the authorisation. */
  @Get(':id/content')
  @Public()
  @ApiProduces('image/jpeg')
  async content(
    @Param() params: UploadIdParams,
    @Query() query: SignedLinkQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const content = await this.uploads.content(params.id, query.exp, query.sig);
    void reply
      .header('cache-control', `private, max-age=${content.maxAgeSeconds}`)
      .header('x-content-type-options', 'nosniff')
      // Helmet's default (same-origin) would stop the H5 build, served from another origin, showing it.
      .header('cross-origin-resource-policy', 'cross-origin');
    return new StreamableFile(content.data, { type: content.contentType, length: content.data.length });
  }
}
