import Taro from '@tarojs/taro';
import { PrivacyItemKey } from '@jingcai/shared';
import { PrivacyRefusal, withPrivacy } from './privacy';

// WeChat APIs whose H5 counterpart is missing or different; pages call these, never Taro directly. The
// privacy-gated ones (photos, location, saving to the album) go through `withPrivacy` (services/privacy.ts).

/** Subscribe messages exist only inside WeChat. */
export function canRequestSubscribe(): boolean {
  return process.env.TARO_ENV === 'weapp';
}

/**
 * Asks the worker to allow the given subscribe messages (WeChat only; H5 has none). WeChat accepts the
 * call only inside a tap handler, before anything else is awaited, so call it first (through
 * hooks/use-subscribe-request.ts). Never throws: a refusal, or an old WeChat, only means no message later.
 */
export async function requestSubscribe(templateIds: readonly (string | undefined)[]): Promise<void> {
  const tmplIds = templateIds.filter((id): id is string => Boolean(id));
  if (!canRequestSubscribe() || tmplIds.length === 0) return;
  try {
    // Taro's type also demands Alipay's `entityIds`, which WeChat neither needs nor reads.
    await Taro.requestSubscribeMessage({ tmplIds } as Taro.requestSubscribeMessage.Option);
  } catch {
    // Refused or unsupported: the action goes on without the message.
  }
}

/**
 * Up to `count` photos from the album or camera, compressed; none when the worker cancels. On H5 Taro
 * opens an `<input type="file">` and each path is a blob: URL that `Taro.uploadFile` can send.
 */
export async function choosePhotos(count: number): Promise<string[]> {
  if (count < 1) return [];
  try {
    const { tempFilePaths } = await withPrivacy(PrivacyItemKey.Photos, () =>
      Taro.chooseImage({ count, sizeType: ['compressed'] }),
    );
    return tempFilePaths.slice(0, count);
  } catch {
    // Cancelled, or refused (the privacy gate has said why).
    return [];
  }
}

/** Photos full screen, swiping from the one tapped. */
export function previewPhotos(urls: readonly string[], current: string): void {
  Taro.previewImage({ urls: [...urls], current }).catch(() => undefined);
}

export interface Coordinates {
  latitude: number;
  longitude: number;
}

/** How long to wait for a position before listing without one (a browser may never answer its prompt). */
const LOCATION_TIMEOUT_MS = 8_000;

/**
 * Where the worker is, for "nearest first"; null when refused, unavailable or too slow, and never throws.
 * WeChat gives GCJ-02, the system Chinese maps (and our station coordinates) use. Taro's H5 side only
 * knows the browser's WGS-84, a few hundred metres off here: close enough to order stations. The timeout
 * starts once the worker has agreed to the privacy guide: deciding takes as long as it takes.
 */
export async function getLocation(): Promise<Coordinates | null> {
  return withPrivacy(PrivacyItemKey.Location, locate).catch(() => null);
}

async function locate(): Promise<Coordinates | null> {
  const type = process.env.TARO_ENV === 'h5' ? 'wgs84' : 'gcj02';
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), LOCATION_TIMEOUT_MS);
  });
  try {
    const located = Taro.getLocation({ type }).then(({ latitude, longitude }): Coordinates => ({ latitude, longitude }));
    return await Promise.race([located, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export interface Place extends Coordinates {
  name: string;
  address: string;
}

/**
 * 导航: WeChat opens its map on the place, with a route from there. A browser has no such map, so H5 shows
 * the address to look up in a map app.
 */
export async function openLocation({ latitude, longitude, name, address }: Place): Promise<void> {
  try {
    if (process.env.TARO_ENV === 'weapp') {
      await Taro.openLocation({ latitude, longitude, name, address, scale: 16 });
    } else {
      await Taro.showModal({
        title: name,
        content: `地址：${address}。浏览器中无法打开地图，请在地图 App 中搜索该地址。`,
        showCancel: false,
        confirmText: '知道了',
      });
    }
  } catch {
    // Closed or refused: nothing to do.
  }
}

/** `<Map>` exists only inside WeChat; elsewhere pages show the address and coordinates instead. */
export function canShowMap(): boolean {
  return process.env.TARO_ENV === 'weapp';
}

/** The camera scanner exists only inside WeChat; in a browser the code is typed. */
export function canScanCode(): boolean {
  return process.env.TARO_ENV === 'weapp';
}

/** What the scanner read: a plain code's text, and for a mini-program code the page path it opens. */
export interface ScanResult {
  result: string;
  path?: string;
}

/** One scan with the camera (or an album photo); null when the worker closes the scanner. */
export async function scanCode(): Promise<ScanResult | null> {
  try {
    // Every code type: a mini-program code is read too, and answers with its `path`.
    const { result, path } = await Taro.scanCode({});
    return { result: result ?? '', path: path || undefined };
  } catch {
    return null;
  }
}

/**
 * `Taro.arrayBufferToBase64`, which on H5 hands the buffer to base64-js: that reads `.length`, which an
 * ArrayBuffer lacks, and answers ''. It gets the bytes there; WeChat's own takes the ArrayBuffer.
 */
export function arrayBufferToBase64(buffer: ArrayBuffer): string {
  const input = process.env.TARO_ENV === 'h5' ? (new Uint8Array(buffer) as unknown as ArrayBuffer) : buffer;
  return Taro.arrayBufferToBase64(input);
}

/**
 * How saving an image went: saved to the album, the worker was told how to keep it, the worker did not
 * agree to the privacy guide (and was told so), or it failed.
 */
export type SaveImageOutcome = 'saved' | 'hinted' | 'refused' | 'failed';

/**
 * Saves an image (a certificate) to the phone's album. WeChat downloads it first (the URL's domain must be
 * a downloadFile domain) and asks for the album permission; a browser cannot write to the album, so H5
 * says to long-press the image, which every mobile browser answers with "save image".
 */
export async function saveImageToAlbum(url: string): Promise<SaveImageOutcome> {
  if (process.env.TARO_ENV !== 'weapp') {
    await Taro.showModal({
      title: '保存图片',
      content: '请长按证书图片，在弹出的菜单中选择“保存图片”。',
      showCancel: false,
      confirmText: '知道了',
    }).catch(() => undefined);
    return 'hinted';
  }
  try {
    const { tempFilePath, statusCode } = await Taro.downloadFile({ url });
    if (statusCode !== 200) return 'failed';
    await withPrivacy(PrivacyItemKey.AlbumWrite, () => Taro.saveImageToPhotosAlbum({ filePath: tempFilePath }));
    return 'saved';
  } catch (error) {
    if (error instanceof PrivacyRefusal) return 'refused';
    // Refused the album permission once: WeChat will not ask again, only its settings page can allow it.
    return 'failed';
  }
}
