import { fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { PastCampaignView } from '@jingcai/shared';
import { authResult, meView } from '../../../../../test/fixtures';
import { fakeApi } from '../../../../../test/fake-api';
import { saveTokens } from '../../../../services/tokens';
import PastCampaignsPage from '.';

function past(id: number, overrides: Partial<PastCampaignView> = {}): PastCampaignView {
  return {
    id,
    title: `第${id}期答题`,
    coverUrl: null,
    startsAt: '2026-10-01T00:00:00Z',
    endsAt: '2026-10-31T15:59:59Z',
    questionCount: 10,
    passScore: 60,
    participants: 1234,
    myBestScore: null,
    myCertificateSerial: null,
    ...overrides,
  };
}

describe('PastCampaignsPage', () => {
  beforeEach(() => saveTokens(authResult(meView({ consentRequired: false }))));
  afterEach(() => jest.restoreAllMocks());

  it('lists campaigns that are over with their final figures and mine, and opens a leaderboard and a certificate', async () => {
    const navigate = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' });
    fakeApi({
      'GET /quiz/campaigns/past': {
        statusCode: 200,
        data: {
          items: [past(2, { myBestScore: 90, myCertificateSerial: 'JC0123456789ABCDEF' }), past(1)],
          total: 2,
          page: 1,
          pageSize: 20,
        },
      },
    });
    render(<PastCampaignsPage />);

    expect(await screen.findByText('第2期答题')).toBeInTheDocument();
    expect(screen.getAllByText('共 10 题 · 及格 60 分 · 1234 人参加')).toHaveLength(2);
    expect(screen.getByText('我的最好成绩 90 分（及格）')).toBeInTheDocument();
    expect(screen.getByText('我未参加')).toBeInTheDocument();
    expect(screen.getByText('没有更多活动了')).toBeInTheDocument();
    // Only the campaign I passed offers a certificate.
    expect(screen.getAllByText('查看证书')).toHaveLength(1);

    fireEvent.click(screen.getByLabelText('「第1期答题」的排行榜'));
    expect(navigate).toHaveBeenLastCalledWith({ url: '/packages/quiz/pages/leaderboard/index?campaignId=1' });
    fireEvent.click(screen.getByText('查看证书'));
    expect(navigate).toHaveBeenLastCalledWith({ url: '/packages/quiz/pages/certificate/index?serial=JC0123456789ABCDEF' });
  });

  it('says so when no campaign is over yet', async () => {
    fakeApi({ 'GET /quiz/campaigns/past': { statusCode: 200, data: { items: [], total: 0, page: 1, pageSize: 20 } } });
    render(<PastCampaignsPage />);

    expect(await screen.findByText('还没有已结束的答题活动')).toBeInTheDocument();
  });
});
