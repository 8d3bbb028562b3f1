import Taro from '@tarojs/taro';
import { ROUTES } from '../../../../routes';

/** Back to the season home, which reloads on show; opened from a link or a reload, it opens in place. */
export async function backToSeasonHome(): Promise<void> {
  await (Taro.getCurrentPages().length > 1 ? Taro.navigateBack() : Taro.redirectTo({ url: ROUTES.reading }));
}
