// What the 法律维权 page specs share besides data (imported by specs only).
import { waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { FakeResponse } from '../../../test/fake-api';

export const ok = (data: unknown, statusCode = 200): FakeResponse => ({ statusCode, data });
export const refused = (statusCode: number, code: string, message: string): FakeResponse => ({ statusCode, data: { code, message } });

/** The native `<textarea>` inside Taro's `<Textarea>` (the `index`-th on the page), once the web component mounts. */
export function findTextarea(container: HTMLElement, index = 0): Promise<HTMLTextAreaElement> {
  return waitFor(() => {
    const textarea = container.querySelectorAll<HTMLTextAreaElement>('textarea')[index];
    if (!textarea) throw new Error(`no textarea #${index} yet`);
    return textarea;
  });
}

/** The album gives these files (a temp path on WeChat, a blob: URL on H5). */
export function chooseImageGives(...paths: string[]) {
  return jest.spyOn(Taro, 'chooseImage').mockResolvedValue({
    tempFilePaths: paths,
    tempFiles: paths.map((path) => ({ path, size: 2048, type: 'image/jpeg', originalFileObj: undefined })),
    errMsg: 'chooseImage:ok',
  });
}

/** A NutUI button is disabled by a class on the button around its label. */
export function nutButton(label: HTMLElement): Element | null {
  return label.closest('.nut-button');
}
