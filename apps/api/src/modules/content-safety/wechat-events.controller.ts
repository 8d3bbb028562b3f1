import { createHash, timingSafeEqual } from 'node:crypto';
import { Body, Controller, Get, Header, HttpCode, HttpStatus, Inject, Post, Query } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '../../common/auth/decorators';
import { AppException } from '../../common/errors/app-exception';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { ModerationService, type MediaCheckEvent } from './moderation.service';

interface PushQuery {
  signature?: string;
  timestamp?: string;
  nonce?: string;
  echostr?: string;
}

/** Pushes older than this are refused, so a captured request cannot be replayed later. */
const MAX_PUSH_AGE_SECONDS = 300;

/**
 * WeChat's message-push endpoint (plaintext JSON mode), signed with WECHAT_PUSH_TOKEN:
 * signature = sha1(sort(token, timestamp, nonce)). Receives media-check verdicts.
 */
@ApiExcludeController()
@Public()
@Controller('wechat/events')
export class WechatEventsController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly moderation: ModerationService,
  ) {}

  /** The URL check WeChat makes when the push URL is configured: echo `echostr` if signed. */
  @Get()
  @Header('content-type', 'text/plain')
  verify(@Query() query: PushQuery): string {
    this.assertSigned(query);
    return query.echostr ?? '';
  }

  @Post()
  @HttpCode(HttpStatus.OK)
  @Header('content-type', 'text/plain')
  async receive(
    @Query() query: PushQuery,
    @Body() event: MediaCheckEvent & { Event?: string },
  ): Promise<string> {
    this.assertSigned(query);
    if (event?.Event === 'wxa_media_check') await this.moderation.handleMediaCheck(event);
    return 'success';
  }

  private assertSigned({ signature, timestamp, nonce }: PushQuery): void {
    const fresh = timestamp && Math.abs(Date.now() / 1000 - Number(timestamp)) <= MAX_PUSH_AGE_SECONDS;
    if (!signature || !nonce || !fresh) throw AppException.forbidden('签名无效');
    const expected = createHash('sha1')
      .update([this.config.wechat.pushToken, timestamp, nonce].sort().join(''))
      .digest();
    const given = Buffer.from(signature, 'hex');
    if (given.length !== expected.length || !timingSafeEqual(given, expected))
      throw AppException.forbidden('签名无效');
  }
}
