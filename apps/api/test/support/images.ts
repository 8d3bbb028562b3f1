import sharp from 'sharp';

/** A small real JPEG, different each call (so uploads never collide on content). */
export function testJpeg(seed = Math.floor(Math.random() * 255)): Promise<Buffer> {
  return sharp({ create: { width: 64, height: 48, channels: 3, background: { r: seed, g: 120, b: 200 } } })
    .jpeg()
    .toBuffer();
}
