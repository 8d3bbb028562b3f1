import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { Role } from '@jingcai/shared';
import { authResult, meView } from '../../../../../test/fixtures';
import { callsOf, fakeApi } from '../../../../../test/fake-api';
import { ROUTES } from '../../../../routes';
import { saveTokens } from '../../../../services/tokens';
import { ok } from '../../legal-spec-helpers';
import LegalIndexPage from '.';

function signedInAs(roles: Role[]) {
  const me = meView({ consentRequired: false, realName: '孙磊', roles });
  saveTokens(authResult(me));
  return fakeApi({ 'GET /me': ok(me) });
}

describe('LegalIndexPage', () => {
  it('dials 12351 with one tap', async () => {
    signedInAs(['worker']);
    const call = jest.spyOn(Taro, 'makePhoneCall').mockResolvedValue({ errMsg: 'makePhoneCall:ok' });
    render(<LegalIndexPage />);

    fireEvent.click(screen.getByText('拨打 12351 职工服务热线'));

    await waitFor(() => expect(call).toHaveBeenCalledWith({ phoneNumber: '12351' }));
  });

  it('opens 我要咨询, 我的咨询, 典型案例 and 法律援助与调解, and hides the workbench from a worker', async () => {
    const seen = signedInAs(['worker']);
    render(<LegalIndexPage />);
    await waitFor(() => expect(callsOf(seen)).toEqual(['GET /me']));

    fireEvent.click(screen.getByText('我要咨询'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: ROUTES.legalAsk });
    fireEvent.click(screen.getByText('我的咨询'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: ROUTES.legalMine });
    fireEvent.click(screen.getByText('典型案例'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: ROUTES.legalCases });
    fireEvent.click(screen.getByText('法律援助与调解'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: ROUTES.legalAid });
    expect(screen.queryByText('解答工作台')).not.toBeInTheDocument();
  });

  it.each<[Role]>([['lawyer'], ['staff'], ['admin']])('shows the workbench to a %s', async (role) => {
    signedInAs(['worker', role]);
    render(<LegalIndexPage />);

    fireEvent.click(await screen.findByText('解答工作台'));

    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: ROUTES.legalWorkbench });
  });

  it('still offers everything but the workbench when the profile cannot be loaded', async () => {
    saveTokens(authResult(meView({ consentRequired: false })));
    fakeApi({ 'GET /me': { statusCode: 500, data: { code: 'INTERNAL_ERROR', message: '服务器开小差了，请稍后再试' } } });
    render(<LegalIndexPage />);

    await waitFor(() => expect(Taro.showToast).toHaveBeenCalled());
    expect(screen.getByText('我要咨询')).toBeInTheDocument();
    expect(screen.queryByText('解答工作台')).not.toBeInTheDocument();
  });
});
