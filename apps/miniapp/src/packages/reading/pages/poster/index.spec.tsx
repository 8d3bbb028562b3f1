import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { authResult, meView } from '../../../../../test/fixtures';
import { fakeApi } from '../../../../../test/fake-api';
import { onWechat } from '../../../../../test/platform-env';
import { openedWith } from '../../../../../test/router';
import { saveTokens } from '../../../../services/tokens';
import { myReadingView } from '../../reading-fixtures';
import PosterPage from '.';

const me = myReadingView({ days: 12, longestStreak: 8, minutes: 540 });

describe('PosterPage', () => {
  beforeEach(() => {
    saveTokens(authResult(meView({ consentRequired: false })));
    openedWith({ seasonId: '5' });
  });

  it('shows the poster; in a browser it says to long-press instead of offering 保存图片', async () => {
    fakeApi({ 'GET /reading/seasons/5/me': { statusCode: 200, data: me } });
    const { container } = render(<PosterPage />);

    expect(await screen.findByText('累计打卡 12 天 · 最长连续 8 天 · 阅读 540 分钟')).toBeInTheDocument();
    expect(container.querySelector('.reading-poster__image')).toHaveAttribute('src', me.posterUrl);
    expect(screen.getByText('长按图片即可保存或分享')).toBeInTheDocument();
    expect(screen.queryByText('保存图片')).not.toBeInTheDocument();
  });

  it('downloads the poster and saves it to the album on WeChat', async () => {
    fakeApi({ 'GET /reading/seasons/5/me': { statusCode: 200, data: me } });
    const download = jest
      .spyOn(Taro, 'downloadFile')
      .mockReturnValue(Promise.resolve({ tempFilePath: 'wxfile://tmp/poster.png', statusCode: 200, errMsg: 'downloadFile:ok' }) as never);
    const save = jest.spyOn(Taro, 'saveImageToPhotosAlbum').mockResolvedValue({ errMsg: 'saveImageToPhotosAlbum:ok' });

    const { rerender } = render(<PosterPage />);
    await screen.findByText('长按图片即可保存或分享');

    await onWechat(async () => {
      rerender(<PosterPage />);
      fireEvent.click(await screen.findByText('保存图片'));
      await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith({ title: '已保存到相册', icon: 'success' }));
    });

    expect(download).toHaveBeenCalledWith({ url: me.posterUrl });
    expect(save).toHaveBeenCalledWith({ filePath: 'wxfile://tmp/poster.png' });
  });
});
