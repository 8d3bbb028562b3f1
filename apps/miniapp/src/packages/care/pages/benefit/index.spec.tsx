import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { ErrorCode } from '@jingcai/shared';
import { authResult, benefitView, claimView, DASHIKOU_STATION, DEVZONE_STATION, meView, ZHENGDONG_STATION } from '../../../../../test/fixtures';
import { callsOf, fakeApi, type FakeResponse } from '../../../../../test/fake-api';
import { onWechat } from '../../../../../test/platform-env';
import { openedWith } from '../../../../../test/router';
import { pageUrl, ROUTES } from '../../../../routes';
import { saveTokens } from '../../../../services/tokens';
import BenefitPage from '.';

const benefit = benefitView();
const ok = (data: unknown, statusCode = 200): FakeResponse => ({ statusCode, data });

/** The worker stands at 大市口 (the API lists the benefit's stations in another order). */
function locatedAtDashikou() {
  jest.spyOn(Taro, 'getLocation').mockResolvedValue({
    latitude: DASHIKOU_STATION.latitude + 0.001,
    longitude: DASHIKOU_STATION.longitude,
    accuracy: 30,
    altitude: 0,
    horizontalAccuracy: 30,
    speed: 0,
    verticalAccuracy: 0,
    errMsg: 'getLocation:ok',
  });
}

function locationRefused() {
  jest.spyOn(Taro, 'getLocation').mockRejectedValue({ errMsg: 'getLocation:fail auth deny' });
}

function stationNames(container: HTMLElement): string[] {
  return Array.from(container.querySelectorAll('.benefit-station__name'), (node) => node.textContent ?? '');
}

describe('BenefitPage', () => {
  beforeEach(() => {
    saveTokens(authResult(meView({ consentRequired: false })));
    openedWith({ id: String(benefit.id) });
  });

  it('lists the stations nearest first with distances, proposes the nearest, claims there and opens the claim', async () => {
    locatedAtDashikou();
    const seen = fakeApi({
      'GET /care/benefits': ok([benefitView({ id: 99, title: '别的活动' }), benefit]),
      'POST /care/benefits/11/claims': ok(claimView(), 201),
    });
    const { container } = render(<BenefitPage />);

    expect(await screen.findByText('按离你的距离由近到远排列')).toBeInTheDocument();
    expect(screen.getByText('暖新礼包')).toBeInTheDocument();
    expect(stationNames(container)).toEqual([DASHIKOU_STATION.name, ZHENGDONG_STATION.name, DEVZONE_STATION.name]);
    expect(screen.getByText('111 米')).toBeInTheDocument();
    expect(container.querySelector('.benefit-station--selected')).toHaveTextContent(DASHIKOU_STATION.name);
    expect(Taro.getLocation).toHaveBeenCalledWith({ type: 'wgs84' });

    fireEvent.click(screen.getByText('确认领取'));

    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: pageUrl(ROUTES.careClaim, { id: 41 }) }));
    expect(seen.find((call) => call.method === 'POST')).toMatchObject({
      path: '/care/benefits/11/claims',
      body: { stationId: DASHIKOU_STATION.id },
    });
  });

  it('claims at the station the worker taps instead', async () => {
    locatedAtDashikou();
    const seen = fakeApi({ 'GET /care/benefits': ok([benefit]), 'POST /care/benefits/11/claims': ok(claimView(), 201) });
    render(<BenefitPage />);

    fireEvent.click(await screen.findByText(DEVZONE_STATION.name));
    fireEvent.click(screen.getByText('确认领取'));

    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalled());
    expect(seen.find((call) => call.method === 'POST')?.body).toEqual({ stationId: DEVZONE_STATION.id });
  });

  it('without a position lists the stations by name, says so, and waits for a choice', async () => {
    locationRefused();
    const seen = fakeApi({ 'GET /care/benefits': ok([benefit]), 'POST /care/benefits/11/claims': ok(claimView(), 201) });
    const { container } = render(<BenefitPage />);

    expect(await screen.findByText('未能获取你的位置，按站点名称排列，请自行选择')).toBeInTheDocument();
    expect(stationNames(container)).toEqual([DASHIKOU_STATION.name, DEVZONE_STATION.name, ZHENGDONG_STATION.name]);
    expect(screen.queryByText('米', { exact: false })).not.toBeInTheDocument();
    fireEvent.click(screen.getByText('请选择领取站点'));
    expect(callsOf(seen)).toEqual(['GET /care/benefits']);

    fireEvent.click(screen.getByText(ZHENGDONG_STATION.name));
    fireEvent.click(screen.getByText('确认领取'));

    await waitFor(() => expect(seen.find((call) => call.method === 'POST')?.body).toEqual({ stationId: ZHENGDONG_STATION.id }));
  });

  it('sends one claim for a double tap while the first is on its way', async () => {
    locatedAtDashikou();
    let answer: (response: FakeResponse) => void = () => undefined;
    const seen = fakeApi({
      'GET /care/benefits': ok([benefit]),
      'POST /care/benefits/11/claims': () => new Promise<FakeResponse>((resolve) => (answer = resolve)),
    });
    render(<BenefitPage />);
    const claim = await screen.findByText('确认领取');
    await waitFor(() => expect(screen.getByText('按离你的距离由近到远排列')).toBeInTheDocument());

    fireEvent.click(claim);
    fireEvent.click(claim);
    await waitFor(() => expect(callsOf(seen).filter((call) => call.startsWith('POST'))).toHaveLength(1));
    answer(ok(claimView(), 201));

    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledTimes(1));
    expect(callsOf(seen).filter((call) => call.startsWith('POST'))).toHaveLength(1);
  });

  it('asks for the claim-ready and claim-expiring messages on the 确认领取 tap, before the claim is sent (WeChat)', async () => {
    await onWechat(async () => {
      locatedAtDashikou();
      const order: string[] = [];
      jest.spyOn(Taro, 'requestSubscribeMessage').mockImplementation((option: { tmplIds: string[] }) => {
        order.push(`subscribe ${option.tmplIds.join(',')}`);
        // WeChat's refusal carries its errMsg; an Error around it keeps the lint's rule on rejections.
        return Promise.reject(Object.assign(new Error('requestSubscribeMessage:fail cancel'), { errMsg: 'requestSubscribeMessage:fail cancel' }));
      });
      fakeApi({
        'GET /config/client': ok({ subscribeTemplates: { claim_ready: 'tmpl-ready', claim_expiring: 'tmpl-expiring', application_reviewed: 'tmpl-reviewed' } }),
        'GET /care/benefits': ok([benefit]),
        'POST /care/benefits/11/claims': () => {
          order.push('POST claim');
          return ok(claimView(), 201);
        },
      });
      render(<BenefitPage />);
      await screen.findByText('按离你的距离由近到远排列');
      expect(order).toEqual([]);

      fireEvent.click(screen.getByText('确认领取'));
      // Inside the tap, before anything was awaited: WeChat shows the prompt only then.
      expect(order).toEqual(['subscribe tmpl-ready,tmpl-expiring']);

      // A refused prompt does not stop the claim.
      await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: pageUrl(ROUTES.careClaim, { id: 41 }) }));
      expect(order).toEqual(['subscribe tmpl-ready,tmpl-expiring', 'POST claim']);
    });
  });

  it('says 手慢了 when the stock ran out, without a toast, and stops offering the claim', async () => {
    locatedAtDashikou();
    fakeApi({
      'GET /care/benefits': ok([benefit]),
      'POST /care/benefits/11/claims': { statusCode: 409, data: { code: ErrorCode.OutOfStock, message: '手慢了，已经领完了' } },
    });
    render(<BenefitPage />);

    fireEvent.click(await screen.findByText('确认领取'));

    expect(await screen.findByText('手慢了，已经领完了')).toBeInTheDocument();
    expect(screen.getByText('已领完')).toBeInTheDocument();
    expect(screen.getByText('剩余 0/220 份 · 每人限领 1 份')).toBeInTheDocument();
    expect(Taro.showToast).not.toHaveBeenCalled();
    expect(Taro.redirectTo).not.toHaveBeenCalled();
  });

  it('shows the reason instead of the button when the worker may not claim', async () => {
    locationRefused();
    fakeApi({ 'GET /care/benefits': ok([benefitView({ eligible: false, ineligibleReason: '需完成新就业形态身份认证' })]) });
    render(<BenefitPage />);

    expect(await screen.findByText('需完成新就业形态身份认证')).toBeInTheDocument();
    expect(screen.queryByText('确认领取')).not.toBeInTheDocument();
  });

  it('says so when the benefit is no longer open', async () => {
    locationRefused();
    fakeApi({ 'GET /care/benefits': ok([]) });
    render(<BenefitPage />);

    expect(await screen.findByText('该活动已结束或不存在')).toBeInTheDocument();
  });
});
