import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const SRC = join(__dirname, '../..');

/** The services' privacy-gated functions: a screen that calls one must be able to show the popup. */
const GATED = /\b(choosePhotos|getLocation|saveImageToAlbum|agreeBeforeBindingPhone|canBindPhone)\b/;
/** The popup itself, or a component that renders it. */
const SHOWS_POPUP = /<(PrivacyPopup|PhotoPicker|StationMap)\b/;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx$/.test(name) && !name.endsWith('.spec.tsx') ? [path] : [];
  });
}

describe('privacy popup coverage', () => {
  it('is rendered by every component that makes a privacy-gated call (WeChat wants it on that page)', () => {
    const missing = sources(SRC)
      .filter((file) => GATED.test(readFileSync(file, 'utf8')) && !SHOWS_POPUP.test(readFileSync(file, 'utf8')))
      .map((file) => relative(SRC, file));
    expect(missing).toEqual([]);
  });

  it('is rendered by the components other screens rely on for it', () => {
    for (const file of ['components/photo-picker/index.tsx', 'packages/care/components/station-map.tsx']) {
      expect(readFileSync(join(SRC, file), 'utf8')).toContain('<PrivacyPopup />');
    }
  });
});
