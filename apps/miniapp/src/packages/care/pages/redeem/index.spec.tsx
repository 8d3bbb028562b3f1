import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { ErrorCode } from '@jingcai/shared';
import { findInput } from '../../../../../test/dom';
import { authResult, meView, redemptionView } from '../../../../../test/fixtures';
import { callsOf, fakeApi, type FakeResponse } from '../../../../../test/fake-api';
import { openedWith } from '../../../../../test/router';
import * as platform from '../../../../services/platform';
import { setCurrentUser } from '../../../../services/session';
import { saveTokens } from '../../../../services/tokens';
import RedeemPage from '.';

const staff = meView({ consentRequired: false, realName: '李娜', roles: ['worker', 'staff'] });
const ok = (data: unknown, statusCode = 200): FakeResponse => ({ statusCode, data });
const earlier = redemptionView({ claimId: 30, benefit: { id: 12, title: '夏送清凉', kind: 'pack' }, workerName: '孙*', redeemedAt: '2026-11-24T01:10:00Z' });

/** As inside WeChat, which has the camera scanner (rendering the whole page as weapp makes NutUI warn in jsdom). */
function scannerAvailable() {
  jest.spyOn(platform, 'canScanCode').mockReturnValue(true);
}

function api(extra: Parameters<typeof fakeApi>[0] = {}) {
  return fakeApi({ 'GET /care/redemptions/today': ok([earlier]), ...extra });
}

describe('RedeemPage', () => {
  beforeEach(() => {
    saveTokens(authResult(staff));
    setCurrentUser(staff);
  });

  it('normalises a typed code, asks to confirm it, redeems it and shows whose it was', async () => {
    const seen = api({ 'POST /care/redemptions': ok(redemptionView(), 201) });
    const { container } = render(<RedeemPage />);
    expect(await screen.findByText('今日核销（1）')).toBeInTheDocument();

    fireEvent.input(await findInput(container, '请输入 8 位领取码'), { target: { value: ' k7qh-3m9p' } });
    fireEvent.click(screen.getByText('下一步'));

    expect(screen.getByText('K7QH3M9P')).toBeInTheDocument();
    expect(callsOf(seen)).toEqual(['GET /care/redemptions/today']);
    fireEvent.click(screen.getByText('确认核销'));

    expect(await screen.findByText('核销成功')).toBeInTheDocument();
    expect(seen.find((call) => call.method === 'POST')).toMatchObject({ path: '/care/redemptions', body: { code: 'K7QH3M9P' } });
    expect(screen.getByText('赵*')).toBeInTheDocument();
    expect(screen.getByText('138****0003')).toBeInTheDocument();
    expect(screen.getByText('2026年11月24日 14:30')).toBeInTheDocument();
    expect(screen.getByText('今日核销（2）')).toBeInTheDocument();

    fireEvent.click(screen.getByText('继续核销'));
    expect(await findInput(container, '请输入 8 位领取码')).toHaveValue('');
  });

  it('refuses a code that cannot be one before asking the API', async () => {
    const seen = api();
    const { container } = render(<RedeemPage />);

    fireEvent.input(await findInput(container, '请输入 8 位领取码'), { target: { value: 'K7QH3M9' } });
    fireEvent.click(screen.getByText('下一步'));

    expect(screen.getByText('领取码为 8 位字母或数字，请核对后重新输入')).toBeInTheDocument();
    expect(callsOf(seen)).toEqual(['GET /care/redemptions/today']);
  });

  it('reads the code out of a scanned mini-program code (scene=)', async () => {
    jest.spyOn(Taro, 'scanCode').mockResolvedValue({
      result: '',
      scanType: 'WX_CODE',
      charSet: 'utf-8',
      path: 'packages/care/pages/redeem/index?scene=K7QH3M9P',
      rawData: '',
      errMsg: 'scanCode:ok',
    } as unknown as Taro.scanCode.SuccessCallbackResult);
    scannerAvailable();
    const seen = api({ 'POST /care/redemptions': ok(redemptionView(), 201) });
    render(<RedeemPage />);

    fireEvent.click(await screen.findByText('扫码核销'));
    expect(await screen.findByText('K7QH3M9P')).toBeInTheDocument();
    fireEvent.click(screen.getByText('确认核销'));

    expect(await screen.findByText('核销成功')).toBeInTheDocument();
    expect(seen.find((call) => call.method === 'POST')?.body).toEqual({ code: 'K7QH3M9P' });
  });

  it('says so when the scanned code holds no pickup code', async () => {
    jest.spyOn(Taro, 'scanCode').mockResolvedValue({ result: 'https://example.test/', errMsg: 'scanCode:ok' } as unknown as Taro.scanCode.SuccessCallbackResult);
    scannerAvailable();
    api();
    render(<RedeemPage />);

    fireEvent.click(await screen.findByText('扫码核销'));

    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith({ title: '未识别到领取码，请手动输入', icon: 'none' }));
    expect(screen.queryByText('确认核销')).not.toBeInTheDocument();
  });

  it('offers no scanner in a browser, which has none', async () => {
    api();
    render(<RedeemPage />);

    expect(await screen.findByText('输入领取码')).toBeInTheDocument();
    expect(screen.queryByText('扫码核销')).not.toBeInTheDocument();
  });

  it('shows the API message when the code was already redeemed, without a toast', async () => {
    api({
      'POST /care/redemptions': {
        statusCode: 409,
        data: { code: ErrorCode.AlreadyRedeemed, message: '已于 2026年11月24日 14:30 由 李娜 核销' },
      },
    });
    const { container } = render(<RedeemPage />);

    fireEvent.input(await findInput(container, '请输入 8 位领取码'), { target: { value: 'K7QH3M9P' } });
    fireEvent.click(screen.getByText('下一步'));
    fireEvent.click(screen.getByText('确认核销'));

    expect(await screen.findByText('已于 2026年11月24日 14:30 由 李娜 核销')).toBeInTheDocument();
    expect(Taro.showToast).not.toHaveBeenCalled();
    fireEvent.click(screen.getByText('重新输入'));
    expect(await findInput(container, '请输入 8 位领取码')).toHaveValue('');
  });

  it("shows the API message for another org's station", async () => {
    api({
      'POST /care/redemptions': { statusCode: 403, data: { code: ErrorCode.OutOfScope, message: '该领取码需到「开发区快递小哥驿站」核销' } },
    });
    const { container } = render(<RedeemPage />);

    fireEvent.input(await findInput(container, '请输入 8 位领取码'), { target: { value: 'K7QH3M9P' } });
    fireEvent.click(screen.getByText('下一步'));
    fireEvent.click(screen.getByText('确认核销'));

    expect(await screen.findByText('该领取码需到「开发区快递小哥驿站」核销')).toBeInTheDocument();
  });

  it('opens at the confirm step with the code of the mini-program code that opened it', async () => {
    openedWith({ scene: 'k7qh3m9p' });
    const seen = api({ 'POST /care/redemptions': ok(redemptionView(), 201) });
    render(<RedeemPage />);

    fireEvent.click(await screen.findByText('确认核销'));

    expect(await screen.findByText('核销成功')).toBeInTheDocument();
    expect(seen.find((call) => call.method === 'POST')?.body).toEqual({ code: 'K7QH3M9P' });
  });

  it('turns away workers who are not station staff', async () => {
    const worker = meView({ consentRequired: false });
    setCurrentUser(null);
    const seen = fakeApi({ 'GET /me': ok(worker) });
    render(<RedeemPage />);

    expect(await screen.findByText('无权限')).toBeInTheDocument();
    expect(screen.queryByText('下一步')).not.toBeInTheDocument();
    expect(callsOf(seen)).toEqual(['GET /me']);
  });
});
