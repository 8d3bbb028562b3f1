import { UPLOAD_IMAGE_TYPES } from '@jingcai/shared';
import sharp from 'sharp';
import { AppException } from '../../common/errors/app-exception';

/** Larger images are scaled down to fit this box: plenty for a photo of a work ID, and far smaller to serve. */
export const MAX_IMAGE_DIMENSION = 2048;
/**
 * Refuse to decode more pixels than this. A small, highly compressed file can declare an enormous canvas
 * (a decompression bomb); sharp checks the header against this limit before allocating anything. Phones
 * save 12–16 MP by default, and a full-resolution 48 MP JPEG is usually over the 5 MB limit anyway.
 */
export const MAX_INPUT_PIXELS = 40_000_000;
const JPEG_QUALITY = 82;

export interface IntakeImage {
  data: Buffer;
  contentType: 'image/jpeg';
  width: number;
  height: number;
}

const SIGNATURES: { type: string; matches: (data: Buffer) => boolean }[] = [
  { type: 'image/jpeg', matches: (d) => d.length >= 3 && d[0] === 0xff && d[1] === 0xd8 && d[2] === 0xff },
  {
    type: 'image/png',
    matches: (d) => d.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  },
  {
    type: 'image/gif',
    matches: (d) => ['GIF87a', 'GIF89a'].includes(d.subarray(0, 6).toString('latin1')),
  },
  {
    type: 'image/webp',
    matches: (d) =>
      d.subarray(0, 4).toString('latin1') === 'RIFF' && d.subarray(8, 12).toString('latin1') === 'WEBP',
  },
];

/** The image type the bytes themselves declare (magic numbers), or null. File names and client mimetypes lie. */
export function sniffImageType(data: Buffer): string | null {
  const type = SIGNATURES.find((s) => s.matches(data))?.type ?? null;
  return type && UPLOAD_IMAGE_TYPES.includes(type) ? type : null;
}

/**
 * Turns whatever the client sent into a JPEG we are willing to store and serve: upright (EXIF orientation
 * applied), at most 2048 px on a side, transparency flattened onto white, and re-encoded from pixels, so
 * EXIF (GPS position, camera serial), ICC and XMP metadata are all gone. Anything sharp cannot decode is
 * refused rather than stored as-is.
 */
export async function normaliseImage(input: Buffer): Promise<IntakeImage> {
  if (!sniffImageType(input)) throw new AppException('NOT_AN_IMAGE');
  try {
    const { data, info } = await sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' })
      .rotate()
      .resize(MAX_IMAGE_DIMENSION, MAX_IMAGE_DIMENSION, { fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: JPEG_QUALITY })
      .toBuffer({ resolveWithObject: true });
    return { data, contentType: 'image/jpeg', width: info.width, height: info.height };
  } catch (error) {
    if (error instanceof Error && /pixel limit/i.test(error.message)) {
      throw new AppException('VALIDATION_FAILED', '图片像素过多，请缩小后再上传', [
        { field: 'file', message: '图片像素过多' },
      ]);
    }
    throw new AppException('NOT_AN_IMAGE');
  }
}
