import { Inject, Injectable } from '@nestjs/common';
import { badgesFor, publicName } from '@jingcai/shared';
import sharp from 'sharp';
import { Clock } from '../../common/clock';
import { AppException } from '../../common/errors/app-exception';
import { CJK_FONT_FAMILY, escapeXml } from '../../common/svg';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { UploadUrlSigner } from '../uploads/upload-url-signer';
import { UsersRepository } from '../users/users.repository';
import { SeasonsRepository } from './seasons.repository';
import { StandingsRepository } from './standings.repository';

const POSTER_URL_TTL_SECONDS = 3600;

/**
 * A worker's streak poster (PNG) to save and share in WeChat. Served by a signed URL, like uploads: an
 * <Image> cannot send a token, and a poster shows only what the worker chose to share.
 */
@Injectable()
export class ReadingPosterService {
  private readonly signer: UploadUrlSigner;

  constructor(
    private readonly seasons: SeasonsRepository,
    private readonly standings: StandingsRepository,
    private readonly users: UsersRepository,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.signer = new UploadUrlSigner(config.auth.jwtSecret);
  }

  signedUrl(seasonId: number, userId: number): string {
    const exp = this.epochSeconds() + POSTER_URL_TTL_SECONDS;
    const sig = this.signer.sign(posterId(seasonId, userId), exp);
    return `${this.config.publicBaseUrl}/api/reading/posters/${seasonId}/${userId}?exp=${exp}&sig=${sig}`;
  }

  async image(
    seasonId: number,
    userId: number,
    exp: number | undefined,
    sig: string | undefined,
  ): Promise<Buffer> {
    if (!this.signer.verify(posterId(seasonId, userId), exp, sig, this.epochSeconds()))
      throw AppException.notFound();
    const season = await this.seasons.byId(seasonId);
    const user = await this.users.facts(userId);
    if (!season || !user) throw AppException.notFound();
    const standing = await this.standings.of(seasonId, userId);
    const days = standing?.days ?? 0;
    const badges = badgesFor(days, season.badgeThresholds);
    const font = `font-family="${CJK_FONT_FAMILY}"`;
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="750" height="1000">
  <rect width="750" height="1000" fill="#fff8f0"/>
  <rect x="0" y="0" width="750" height="260" fill="#c8102e"/>
  <text x="375" y="110" font-size="40" text-anchor="middle" fill="#fff" ${font} font-weight="bold">职工读书季</text>
  <text x="375" y="180" font-size="30" text-anchor="middle" fill="#ffe9a8" ${font}>${escapeXml(season.theme)}</text>
  <text x="375" y="360" font-size="34" text-anchor="middle" fill="#222" ${font}>${escapeXml(publicName(user))}</text>
  <text x="375" y="500" font-size="120" text-anchor="middle" fill="#c8102e" ${font} font-weight="bold">${days}</text>
  <text x="375" y="560" font-size="30" text-anchor="middle" fill="#444" ${font}>累计打卡天数</text>
  <text x="200" y="680" font-size="56" text-anchor="middle" fill="#d4a017" ${font}>${standing?.longestStreak ?? 0}</text>
  <text x="200" y="730" font-size="24" text-anchor="middle" fill="#666" ${font}>最长连续（天）</text>
  <text x="550" y="680" font-size="56" text-anchor="middle" fill="#d4a017" ${font}>${standing?.minutes ?? 0}</text>
  <text x="550" y="730" font-size="24" text-anchor="middle" fill="#666" ${font}>阅读时长（分钟）</text>
  <text x="375" y="840" font-size="26" text-anchor="middle" fill="#333" ${font}>${
    badges.length ? `已获得 ${badges.map((b) => `${b}天`).join(' · ')} 徽章` : '坚持打卡，点亮读书徽章'
  }</text>
  <text x="375" y="940" font-size="22" text-anchor="middle" fill="#999" ${font}>京彩职工 · 职工读书季</text>
</svg>`;
    return sharp(Buffer.from(svg)).png().toBuffer();
  }

  private epochSeconds(): number {
    return Math.floor(this.clock.now().getTime() / 1000);
  }
}

function posterId(seasonId: number, userId: number): string {
  return `reading-poster:${seasonId}:${userId}`;
}
