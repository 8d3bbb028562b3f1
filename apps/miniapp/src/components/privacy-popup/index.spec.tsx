import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { PRIVACY_POLICY_VERSION, PrivacyItemKey } from '@jingcai/shared';
import { authResult, meView } from '../../../test/fixtures';
import { callsOf, fakeApi } from '../../../test/fake-api';
import { onWechat } from '../../../test/platform-env';
import { privacyNotYetAgreed } from '../../../test/privacy-gate';
import { saveImageToAlbum } from '../../services/platform';
import { explainPrivacyFailure, PRIVACY_AGREE_BUTTON_ID, withPrivacy } from '../../services/privacy';
import { setCurrentUser } from '../../services/session';
import { saveTokens } from '../../services/tokens';
import PhotoPicker, { type PickedPhoto } from '../photo-picker';
import PrivacyPopup from '.';

const worker = meView({ consentRequired: true });
const picked = { tempFilePaths: ['wxfile://tmp/pay.jpg'], tempFiles: [], errMsg: 'chooseImage:ok' };

/** WeChat's agree button fires `agreeprivacyauthorization` (not a click) once the base library saw the tap. */
function tapAgree() {
  const button = screen.getByText('同意').closest('taro-button-core')!;
  expect(button.id).toBe(PRIVACY_AGREE_BUTTON_ID);
  act(() => {
    button.dispatchEvent(new Event('agreeprivacyauthorization'));
  });
}

function renderPicker(onAdd: (photos: PickedPhoto[]) => void) {
  return render(
    <PhotoPicker
      value={[]}
      max={6}
      upload={(filePath) => Promise.resolve({ id: `upl_${filePath.slice(-6, -4)}` })}
      onAdd={onAdd}
      onRemove={() => undefined}
      onUploadingChange={() => undefined}
    />,
  );
}

describe('PrivacyPopup and the privacy gate (WeChat)', () => {
  beforeEach(() => {
    saveTokens(authResult(worker));
    setCurrentUser(worker);
  });

  it('holds a photo pick until the worker agrees in our popup, then resumes it and records our consent too', async () => {
    await onWechat(async () => {
      const gate = privacyNotYetAgreed();
      const choose = jest.spyOn(Taro, 'chooseImage').mockResolvedValue(picked);
      const seen = fakeApi({ 'POST /me/consent': { statusCode: 201, data: meView({ consentRequired: false }) } });
      const added = jest.fn();
      renderPicker(added);

      fireEvent.click(screen.getByText('0 / 6'));

      expect(await screen.findByText('隐私保护提示')).toBeInTheDocument();
      // A modal dialog named by its title (ARIA's role, which H5 understands, not WeChat's aria-role).
      expect(screen.getByRole('dialog', { name: '隐私保护提示' })).toHaveAttribute('aria-modal', 'true');
      expect(screen.getByText(/本次操作需要使用你的选中的照片或视频信息/)).toBeInTheDocument();
      expect(choose).not.toHaveBeenCalled();

      tapAgree();

      await waitFor(() => expect(added).toHaveBeenCalledWith([{ id: 'upl_ay', src: 'wxfile://tmp/pay.jpg' }]));
      expect(choose).toHaveBeenCalledTimes(1);
      expect(gate.isAgreed()).toBe(true);
      expect(screen.queryByText('隐私保护提示')).not.toBeInTheDocument();
      await waitFor(() => expect(callsOf(seen)).toEqual(['POST /me/consent']));
      expect(seen[0].body).toEqual({ version: PRIVACY_POLICY_VERSION });
    });
  });

  it('after a refusal makes no call, says in Chinese what cannot be done and to try again later, and throws nothing', async () => {
    await onWechat(async () => {
      privacyNotYetAgreed();
      const choose = jest.spyOn(Taro, 'chooseImage').mockResolvedValue(picked);
      const modal = jest.spyOn(Taro, 'showModal').mockResolvedValue({ confirm: true, cancel: false, errMsg: 'showModal:ok' });
      const seen = fakeApi({});
      const added = jest.fn();
      renderPicker(added);

      fireEvent.click(screen.getByText('0 / 6'));
      fireEvent.click(await screen.findByText('拒绝'));

      await waitFor(() => expect(modal).toHaveBeenCalledTimes(1));
      const { content } = modal.mock.calls[0][0] as { content: string };
      expect(content).toContain('无法选择照片');
      expect(content).toContain('稍后');
      expect(content).toContain('同意');
      expect(choose).not.toHaveBeenCalled();
      expect(added).not.toHaveBeenCalled();
      expect(screen.queryByText('隐私保护提示')).not.toBeInTheDocument();
      // The picker is usable again: WeChat will ask once more (after its ~10 s pause).
      expect(screen.getByText('0 / 6')).toBeInTheDocument();
      expect(callsOf(seen)).toEqual([]);
    });
  });

  it("catches WeChat's own English refusal (errno 104) and an undeclared item (errno 112) in Chinese", async () => {
    await onWechat(async () => {
      const modal = jest.spyOn(Taro, 'showModal').mockResolvedValue({ confirm: true, cancel: false, errMsg: 'showModal:ok' });
      jest.spyOn(Taro, 'downloadFile').mockResolvedValue({ tempFilePath: 'wxfile://tmp/cert.png', statusCode: 200, errMsg: 'downloadFile:ok' } as Taro.downloadFile.FileSuccessCallbackResult);
      jest
        .spyOn(Taro, 'saveImageToPhotosAlbum')
        .mockRejectedValue({ errMsg: 'saveImageToPhotosAlbum:fail privacy permission is not authorized', errno: 104 });

      await expect(saveImageToAlbum('https://api.test/cert.png')).resolves.toBe('refused');
      expect((modal.mock.calls[0][0] as { content: string }).content).toContain('无法把图片保存到相册');

      expect(explainPrivacyFailure(PrivacyItemKey.Location, { errMsg: 'getLocation:fail api scope is not declared in the privacy agreement', errno: 112 })).toBe(true);
      expect((modal.mock.calls[1][0] as { content: string }).content).toContain('暂未声明“位置信息”');
      expect(explainPrivacyFailure(PrivacyItemKey.Photos, { errMsg: 'chooseImage:fail cancel' })).toBe(false);
      expect(modal).toHaveBeenCalledTimes(2);
    });
  });

  it('refuses at once, rather than leaving the call pending for ever, on a page without the popup', async () => {
    await onWechat(async () => {
      privacyNotYetAgreed();
      jest.spyOn(Taro, 'showModal').mockResolvedValue({ confirm: true, cancel: false, errMsg: 'showModal:ok' });
      const call = jest.fn(() => Promise.resolve('done'));

      await expect(withPrivacy(PrivacyItemKey.Photos, call)).rejects.toThrow('privacy not authorised');
      expect(call).not.toHaveBeenCalled();
    });
  });

  it('opens the 用户隐私保护指引 from the popup', async () => {
    await onWechat(async () => {
      privacyNotYetAgreed();
      const open = jest.spyOn(Taro, 'openPrivacyContract').mockImplementation(() => undefined);
      render(<PrivacyPopup />);
      let pending: Promise<string> = Promise.resolve('');
      act(() => {
        pending = withPrivacy(PrivacyItemKey.Location, () => Promise.resolve('located'));
      });

      fireEvent.click(await screen.findByText('阅读《用户隐私保护指引》'));
      expect(open).toHaveBeenCalledTimes(1);
      tapAgree();
      await expect(pending).resolves.toBe('located');
    });
  });

  it('never shows on H5, which has no privacy gate', async () => {
    const ask = jest.spyOn(Taro, 'requirePrivacyAuthorize');
    render(<PrivacyPopup />);

    await expect(withPrivacy(PrivacyItemKey.Photos, () => Promise.resolve(1))).resolves.toBe(1);
    expect(ask).not.toHaveBeenCalled();
    expect(screen.queryByText('隐私保护提示')).not.toBeInTheDocument();
  });
});
