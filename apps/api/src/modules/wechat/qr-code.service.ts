import { Injectable, Logger } from '@nestjs/common';
import QRCode from 'qrcode';
import { WechatClient } from './wechat.client';

export interface QrImage {
  contentType: 'image/png' | 'image/jpeg';
  data: Buffer;
  /** `wxacode`: a mini-program code that opens the page; `qr`: a plain QR code of the scene text. */
  kind: 'wxacode' | 'qr';
}

/** getwxacodeunlimit's limit on `scene`. */
export const MAX_SCENE_LENGTH = 32;

/**
 * Mini-program codes with a plain-QR fallback. The fallback encodes the scene text itself (a pickup
 * code, say), which staff scanners read just as well; it serves H5, which cannot open mini-program
 * codes, and any moment WeChat cannot make one.
 */
@Injectable()
export class QrCodeService {
  private readonly logger = new Logger(QrCodeService.name);

  constructor(private readonly wechat: WechatClient) {}

  async forScene(
    scene: string,
    page: string,
    options: { preferPlain?: boolean; width?: number } = {},
  ): Promise<QrImage> {
    const width = options.width ?? 430;
    if (!options.preferPlain && scene.length <= MAX_SCENE_LENGTH) {
      try {
        const data = await this.wechat.unlimitedQrCode(scene, page, width);
        return { contentType: data[0] === 0x89 ? 'image/png' : 'image/jpeg', data, kind: 'wxacode' };
      } catch (error) {
        this.logger.warn(`getwxacodeunlimit failed, falling back to a plain QR code: ${String(error)}`);
      }
    }
    const data = await QRCode.toBuffer(scene, { type: 'png', width, margin: 1, errorCorrectionLevel: 'M' });
    return { contentType: 'image/png', data, kind: 'qr' };
  }
}
