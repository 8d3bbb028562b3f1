import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { ErrorCode } from '@jingcai/shared';
import { authResult, meView } from '../../../test/fixtures';
import { fakeApi } from '../../../test/fake-api';
import { ROUTES } from '../../routes';
import { saveTokens } from '../../services/tokens';
import HomePage from '.';

const worker = meView({
  consentRequired: false,
  realName: '张伟',
  category: 'regular',
  org: { id: 3, name: '京彩科技有限公司工会', kind: 'enterprise' },
});

describe('HomePage', () => {
  beforeEach(() => saveTokens(authResult(worker)));

  it('greets the worker by name and offers the four programmes', async () => {
    fakeApi({ 'GET /me': { statusCode: 200, data: worker } });
    render(<HomePage />);

    expect(screen.getByText('加载中…')).toBeInTheDocument();
    expect(await screen.findByText('你好，张伟')).toBeInTheDocument();
    expect(screen.getByText('京彩科技有限公司工会')).toBeInTheDocument();
    for (const title of ['学习答题', '职工读书季', '暖新关爱', '法律维权']) {
      expect(screen.getByText(title)).toBeInTheDocument();
    }

    fireEvent.click(screen.getByText('法律维权'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: ROUTES.legal });
  });

  it('shows an error with a retry when the worker cannot be loaded', async () => {
    let attempts = 0;
    fakeApi({
      'GET /me': () => {
        attempts += 1;
        return attempts === 1
          ? { statusCode: 500, data: { code: ErrorCode.Internal, message: '服务器开小差了，请稍后再试' } }
          : { statusCode: 200, data: worker };
      },
    });
    render(<HomePage />);

    fireEvent.click(await screen.findByText('重试'));

    expect(await screen.findByText('你好，张伟')).toBeInTheDocument();
  });

  it('sends a worker who has not consented to the privacy notice', async () => {
    fakeApi({ 'GET /me': { statusCode: 200, data: meView() } });
    render(<HomePage />);

    await waitFor(() => expect(Taro.reLaunch).toHaveBeenCalledWith({ url: ROUTES.consent }));
  });

  it('puts the 12351 hotline one tap away', async () => {
    fakeApi({ 'GET /me': { statusCode: 200, data: worker } });
    const call = jest.spyOn(Taro, 'makePhoneCall').mockResolvedValue({ errMsg: 'makePhoneCall:ok' });
    render(<HomePage />);

    fireEvent.click(await screen.findByText('12351 ›'));

    expect(call).toHaveBeenCalledWith({ phoneNumber: '12351' });
  });
});
