import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { PRIVACY_POLICY_VERSION, PrivacyItemKey } from '@jingcai/shared';
import { authResult, meView } from '../../../test/fixtures';
import { callsOf, fakeApi } from '../../../test/fake-api';
import { onWechat } from '../../../test/platform-env';
import { privacyNotYetAgreed } from '../../../test/privacy-gate';
import PrivacyPopup from '../../components/privacy-popup';
import { PRIVACY_AGREE_BUTTON_ID, withPrivacy } from '../../services/privacy';
import { ROUTES } from '../../routes';
import { setCurrentUser } from '../../services/session';
import { saveTokens } from '../../services/tokens';
import ConsentPage from '.';

describe('ConsentPage', () => {
  beforeEach(() => {
    const newcomer = meView();
    saveTokens(authResult(newcomer));
    setCurrentUser(newcomer);
  });

  it('shows the privacy notice: what is collected, that it is encrypted and not shared', () => {
    fakeApi({});
    render(<ConsentPage />);

    expect(screen.getByText('京彩职工隐私政策')).toBeInTheDocument();
    expect(screen.getByText(/真实姓名、手机号码、所属工会组织和职工类别/)).toBeInTheDocument();
    expect(screen.getByText(/身份证号为选填项/)).toBeInTheDocument();
    expect(screen.getByText(/经加密后存储/)).toBeInTheDocument();
    expect(screen.getByText(/不会向任何第三方出售、出租或共享/)).toBeInTheDocument();
  });

  it('records consent to the current version and moves on to the profile', async () => {
    const seen = fakeApi({
      'POST /me/consent': {
        statusCode: 201,
        data: meView({ consentRequired: false, consentVersion: PRIVACY_POLICY_VERSION, consentAt: '2026-11-24T02:00:00Z' }),
      },
    });
    render(<ConsentPage />);

    fireEvent.click(screen.getByText('同意并继续'));

    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: ROUTES.profile }));
    expect(callsOf(seen)).toEqual(['POST /me/consent']);
    expect(seen[0].body).toEqual({ version: PRIVACY_POLICY_VERSION });
  });

  it("inside WeChat, the same 同意 tap agrees to WeChat's privacy guide and lets a held call go on", async () => {
    await onWechat(async () => {
      privacyNotYetAgreed();
      fakeApi({ 'POST /me/consent': { statusCode: 201, data: meView({ consentRequired: false }) } });
      // A call another screen started is held for agreement (its popup is up behind this page).
      render(<PrivacyPopup />);
      let held: Promise<string> = Promise.resolve('');
      act(() => {
        held = withPrivacy(PrivacyItemKey.Photos, () => Promise.resolve('picked'));
      });
      await screen.findByText('隐私保护提示');
      render(<ConsentPage />);

      const agree = screen.getByText('同意并继续').closest('taro-button-core') as HTMLElement & { openType?: string };
      expect(agree.openType).toBe('agreePrivacyAuthorization');
      expect(agree.id).toBe(PRIVACY_AGREE_BUTTON_ID);
      act(() => {
        agree.dispatchEvent(new Event('agreeprivacyauthorization'));
      });

      await expect(held).resolves.toBe('picked');
    });
  });

  it('shows when a worker agreed instead of asking again', () => {
    fakeApi({});
    setCurrentUser(meView({ consentRequired: false, consentVersion: PRIVACY_POLICY_VERSION, consentAt: '2026-11-23T17:30:00Z' }));
    render(<ConsentPage />);

    // 17:30 UTC is already the next day in Shanghai.
    expect(screen.getByText('您已于 2026-11-24 同意本政策')).toBeInTheDocument();
    expect(screen.queryByText('同意并继续')).not.toBeInTheDocument();
  });
});
