import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { authResult, certificateView, meView } from '../../../../../test/fixtures';
import { fakeApi } from '../../../../../test/fake-api';
import { onWechat } from '../../../../../test/platform-env';
import { openedWith } from '../../../../../test/router';
import { saveImageToAlbum } from '../../../../services/platform';
import { saveTokens } from '../../../../services/tokens';
import CertificatePage from '.';

describe('CertificatePage', () => {
  beforeEach(() => {
    saveTokens(authResult(meView({ consentRequired: false })));
    openedWith({ serial: 'JC-2026-000123' });
  });

  it('shows the certificate image and what it certifies; in a browser 保存图片 says to long-press', async () => {
    const modal = jest.spyOn(Taro, 'showModal').mockResolvedValue({ confirm: true, cancel: false, errMsg: 'showModal:ok' });
    fakeApi({ 'GET /quiz/certificates/JC-2026-000123': { statusCode: 200, data: certificateView() } });
    const { container } = render(<CertificatePage />);

    expect(await screen.findByText('张伟')).toBeInTheDocument();
    expect(container.querySelector('.quiz-certificate__image')).toHaveAttribute('src', certificateView().imageUrl);
    expect(screen.getByText('安全生产知识竞赛')).toBeInTheDocument();
    expect(screen.getByText('成绩：100 分')).toBeInTheDocument();
    expect(screen.getByText('颁发日期：2026年11月24日')).toBeInTheDocument();
    expect(screen.getByText('证书编号：JC-2026-000123')).toBeInTheDocument();

    fireEvent.click(screen.getByText('保存图片'));

    await waitFor(() => expect(modal).toHaveBeenCalledWith(expect.objectContaining({ content: expect.stringContaining('长按') })));
  });

  it('shows an error with a retry for an unknown serial', async () => {
    fakeApi({});
    render(<CertificatePage />);

    expect(await screen.findByText('重试')).toBeInTheDocument();
  });
});

describe(saveImageToAlbum.name, () => {
  it('downloads the image and saves it to the album on WeChat', async () => {
    const download = jest
      .spyOn(Taro, 'downloadFile')
      .mockReturnValue(Promise.resolve({ tempFilePath: 'wxfile://tmp/cert.png', statusCode: 200, errMsg: 'downloadFile:ok' }) as never);
    const save = jest.spyOn(Taro, 'saveImageToPhotosAlbum').mockResolvedValue({ errMsg: 'saveImageToPhotosAlbum:ok' });

    await expect(onWechat(() => saveImageToAlbum('https://api.example/cert.png'))).resolves.toBe('saved');

    expect(download).toHaveBeenCalledWith({ url: 'https://api.example/cert.png' });
    expect(save).toHaveBeenCalledWith({ filePath: 'wxfile://tmp/cert.png' });
  });

  it('reports a refused album permission as failed', async () => {
    jest
      .spyOn(Taro, 'downloadFile')
      .mockReturnValue(Promise.resolve({ tempFilePath: 'wxfile://tmp/cert.png', statusCode: 200, errMsg: 'downloadFile:ok' }) as never);
    jest.spyOn(Taro, 'saveImageToPhotosAlbum').mockRejectedValue(new Error('saveImageToPhotosAlbum:fail auth deny'));

    await expect(onWechat(() => saveImageToAlbum('https://api.example/cert.png'))).resolves.toBe('failed');
  });
});
