import { Inject, Injectable } from '@nestjs/common';
import { formatShanghai, maskName, type CertificateView } from '@jingcai/shared';
import sharp from 'sharp';
import { AppException } from '../../common/errors/app-exception';
import { CJK_FONT_FAMILY, escapeXml } from '../../common/svg';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { CampaignsRepository } from './campaigns.repository';
import { CertificatesRepository } from './certificates.repository';
import type { Campaign, Certificate } from './entities/quiz.entities';

const SERIAL_PATTERN = /^JC[0-9A-F]{16}$/;

@Injectable()
export class QuizCertificatesService {
  constructor(
    private readonly certificates: CertificatesRepository,
    private readonly campaigns: CampaignsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Public verification: the serial is unguessable, and the holder's name is shown masked. */
  async verify(serial: string): Promise<CertificateView> {
    const { certificate, campaign } = await this.load(serial);
    return this.viewOf(certificate, campaign.title);
  }

  /** A certificate as its holder and anyone verifying it see it: the name masked, the image a public link. */
  viewOf(certificate: Certificate, campaignTitle: string): CertificateView {
    return {
      serial: certificate.serial,
      name: maskName(certificate.name) ?? '',
      campaignTitle,
      score: certificate.score,
      issuedAt: certificate.issuedAt.toISOString(),
      imageUrl: `${this.config.publicBaseUrl}/api/quiz/certificates/${certificate.serial}/image.png`,
    };
  }

  /** The e-certificate as a PNG the worker can save or share, drawn from SVG (fonts come from the system). */
  async image(serial: string): Promise<Buffer> {
    const { certificate, campaign } = await this.load(serial);
    const date = formatShanghai(certificate.issuedAt, 'date');
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="900" height="640">
  <rect width="900" height="640" fill="#fffaf0"/>
  <rect x="24" y="24" width="852" height="592" fill="none" stroke="#c8102e" stroke-width="6"/>
  <rect x="40" y="40" width="820" height="560" fill="none" stroke="#d4a017" stroke-width="2"/>
  <text x="450" y="140" font-size="56" text-anchor="middle" fill="#c8102e" font-family="${CJK_FONT_FAMILY}" font-weight="bold">荣誉证书</text>
  <text x="450" y="240" font-size="40" text-anchor="middle" fill="#222" font-family="${CJK_FONT_FAMILY}">${escapeXml(certificate.name)}</text>
  <text x="450" y="310" font-size="26" text-anchor="middle" fill="#333" font-family="${CJK_FONT_FAMILY}">在「${escapeXml(campaign.title)}」中</text>
  <text x="450" y="360" font-size="26" text-anchor="middle" fill="#333" font-family="${CJK_FONT_FAMILY}">以 ${certificate.score} 分的成绩通过考核，特发此证。</text>
  <text x="780" y="480" font-size="24" text-anchor="end" fill="#333" font-family="${CJK_FONT_FAMILY}">京口区总工会</text>
  <text x="780" y="520" font-size="22" text-anchor="end" fill="#555" font-family="${CJK_FONT_FAMILY}">${date}</text>
  <text x="80" y="580" font-size="18" fill="#777" font-family="monospace">No. ${certificate.serial}</text>
</svg>`;
    return sharp(Buffer.from(svg)).png().toBuffer();
  }

  private async load(serial: string): Promise<{ certificate: Certificate; campaign: Campaign }> {
    const certificate = SERIAL_PATTERN.test(serial) ? await this.certificates.bySerial(serial) : null;
    if (!certificate) throw AppException.notFound('证书不存在');
    return { certificate, campaign: await this.campaigns.get(certificate.campaignId) };
  }
}
