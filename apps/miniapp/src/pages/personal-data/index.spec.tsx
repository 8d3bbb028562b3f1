import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { DELETION_CONFIRMATION, type PersonalDataExport } from '@jingcai/shared';
import { callsOf, fakeApi } from '../../../test/fake-api';
import { authResult, meView } from '../../../test/fixtures';
import { findInput } from '../../../test/dom';
import { ROUTES } from '../../routes';
import { loadTokens, saveTokens } from '../../services/tokens';
import PersonalDataPage from '.';

const COPY: PersonalDataExport = {
  userId: 7,
  generatedAt: '2026-12-07T02:00:00Z',
  sections: [
    { key: 'profile', title: '个人资料', rows: [{ id: 7, realName: '张建国' }] },
    { key: 'claims', title: '礼包领取', rows: [{ id: 1 }, { id: 2 }] },
  ],
};
const ok = (data: unknown) => ({ statusCode: 200, data });

describe('PersonalDataPage', () => {
  beforeEach(() => {
    saveTokens(authResult(meView({ consentRequired: false })));
    jest.spyOn(Taro, 'showModal').mockResolvedValue({ confirm: true, cancel: false, errMsg: 'showModal:ok' });
  });

  it('summarises what is held, and says what deletion keeps and why', async () => {
    fakeApi({ 'GET /me/data-export': ok(COPY) });
    render(<PersonalDataPage />);

    expect(await screen.findByText('礼包领取')).toBeInTheDocument();
    expect(screen.getByText('2 条')).toBeInTheDocument();
    expect(screen.getByText(/15 个工作日内删除或匿名化/)).toBeInTheDocument();
    expect(screen.getByText('原因：库存和发放台账需要对得上')).toBeInTheDocument();
  });

  it('withdraws consent and sends the worker to the privacy notice', async () => {
    const seen = fakeApi({
      'GET /me/data-export': ok(COPY),
      'POST /me/consent/withdraw': ok(meView({ consentRequired: true, consentVersion: null })),
    });
    render(<PersonalDataPage />);

    fireEvent.click(await screen.findByText('撤回隐私政策同意'));

    await waitFor(() => expect(Taro.reLaunch).toHaveBeenCalledWith({ url: ROUTES.consent }));
    expect(callsOf(seen)).toContain('POST /me/consent/withdraw');
  });

  it('deletes the account only with the typed confirmation, then ends the session', async () => {
    const seen = fakeApi({
      'GET /me/data-export': ok(COPY),
      'POST /me/deletion': ok({ requestedAt: '2026-12-07T02:00:00Z', eraseBy: '2026-12-28T02:00:00Z' }),
    });
    const { container } = render(<PersonalDataPage />);
    await screen.findByText('礼包领取');

    fireEvent.input(await findInput(container, DELETION_CONFIRMATION), { target: { value: DELETION_CONFIRMATION } });
    fireEvent.click(screen.getByText('注销账号', { selector: '.nut-button *' }));

    await waitFor(() => expect(Taro.reLaunch).toHaveBeenCalledWith({ url: ROUTES.login }));
    expect(seen.find((r) => r.path === '/me/deletion')?.body).toEqual({ confirmation: DELETION_CONFIRMATION });
    expect(loadTokens()).toBeNull();
  });
});
