import { fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { authResult, meView } from '../../../../../test/fixtures';
import { callsOf, fakeApi } from '../../../../../test/fake-api';
import { ROUTES } from '../../../../routes';
import { saveTokens } from '../../../../services/tokens';
import { aidApplicationView } from '../../legal-fixtures';
import { ok, refused } from '../../legal-spec-helpers';
import AidPage from '.';

const labels = (container: HTMLElement, state: string) =>
  Array.from(container.querySelectorAll(`.legal-timeline__step--${state} .legal-timeline__label`)).map((node) => node.textContent);

describe('AidPage', () => {
  beforeEach(() => saveTokens(authResult(meView({ consentRequired: false }))));

  it('lists my applications with the steps taken, the current one and those to come', async () => {
    const seen = fakeApi({
      'GET /legal/aid-applications/mine': ok([
        aidApplicationView({
          status: 'in_progress',
          steps: [
            { status: 'received', note: null, at: '2026-11-24T02:05:00Z' },
            { status: 'in_progress', note: '已指派刘律师承办，将于下周约谈单位。', at: '2026-11-26T01:00:00Z' },
            { status: 'accepted', note: null, at: '2026-11-25T01:00:00Z' },
          ],
        }),
      ]),
    });
    const { container } = render(<AidPage />);

    expect(screen.getByText('加载中…')).toBeInTheDocument();
    expect(await screen.findByText('用人单位：京口某餐饮管理有限公司')).toBeInTheDocument();
    expect(screen.getByText('争议金额：15,600.00 元')).toBeInTheDocument();
    expect(screen.getAllByText('办理中')).toHaveLength(2);
    expect(labels(container, 'done')).toEqual(['已受理登记', '已受理']);
    expect(labels(container, 'current')).toEqual(['办理中']);
    expect(labels(container, 'upcoming')).toEqual(['已办结']);
    expect(screen.getByText('已指派刘律师承办，将于下周约谈单位。')).toBeInTheDocument();
    expect(screen.getByText('2026年11月25日 09:00')).toBeInTheDocument();
    expect(callsOf(seen)).toEqual(['GET /legal/aid-applications/mine']);
  });

  it('ends the timeline where a declined application stopped, with the reason', async () => {
    fakeApi({
      'GET /legal/aid-applications/mine': ok([
        aidApplicationView({
          kind: 'mediation',
          status: 'declined',
          amountInDispute: 0,
          steps: [
            { status: 'received', note: null, at: '2026-11-24T02:05:00Z' },
            { status: 'declined', note: '已超过劳动仲裁时效，建议咨询律师。', at: '2026-11-25T02:05:00Z' },
          ],
        }),
      ]),
    });
    const { container } = render(<AidPage />);

    expect(await screen.findByText('已超过劳动仲裁时效，建议咨询律师。')).toBeInTheDocument();
    expect(container.querySelector('.legal-aid-card__kind')).toHaveTextContent('劳动争议调解');
    expect(labels(container, 'current')).toEqual(['不予受理']);
    expect(labels(container, 'upcoming')).toEqual([]);
    expect(screen.queryByText(/争议金额/)).not.toBeInTheDocument();
  });

  it('opens the application form', async () => {
    fakeApi({ 'GET /legal/aid-applications/mine': ok([]) });
    render(<AidPage />);

    expect(await screen.findByText('还没有申请记录')).toBeInTheDocument();
    fireEvent.click(screen.getByText('申请援助或调解'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: ROUTES.legalAidApply });
  });

  it('offers a retry when loading fails', async () => {
    let asked = 0;
    fakeApi({
      'GET /legal/aid-applications/mine': () => {
        asked += 1;
        return asked === 1 ? refused(500, 'INTERNAL_ERROR', '服务器开小差了，请稍后再试') : ok([aidApplicationView()]);
      },
    });
    render(<AidPage />);

    fireEvent.click(await screen.findByText('重试'));

    expect(await screen.findByText('用人单位：京口某餐饮管理有限公司')).toBeInTheDocument();
  });
});
