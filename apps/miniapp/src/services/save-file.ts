import Taro from '@tarojs/taro';

/** Where a saved file went, for the page to say so. */
export type SavedFile = 'downloaded' | 'opened';

/**
 * In WeChat: written to the mini-program's own files and opened in WeChat's document viewer, whose menu saves
 * or forwards it. The H5 build takes `save-file.h5.ts` instead (Taro resolves the platform file first).
 */
export async function saveFile(bytes: ArrayBuffer, name: string, fileType: 'xlsx'): Promise<SavedFile> {
  const filePath = `${Taro.env.USER_DATA_PATH}/${name}`;
  Taro.getFileSystemManager().writeFileSync(filePath, bytes, 'binary');
  await Taro.openDocument({ filePath, fileType, showMenu: true });
  return 'opened';
}
