import { fireEvent, render, screen } from '@testing-library/react';
import { authResult, meView } from '../../../../../test/fixtures';
import { callsOf, fakeApi } from '../../../../../test/fake-api';
import { openedWith } from '../../../../../test/router';
import { saveTokens } from '../../../../services/tokens';
import { orgRank, readerRank } from '../../reading-fixtures';
import ReadingLeaderboardPage from '.';

describe('ReadingLeaderboardPage', () => {
  beforeEach(() => {
    saveTokens(authResult(meView({ consentRequired: false })));
    openedWith({ seasonId: '5' });
  });

  it('ranks readers by days with their longest streak, and pins my row', async () => {
    const seen = fakeApi({
      'GET /reading/seasons/5/leaderboard': {
        statusCode: 200,
        data: {
          top: [readerRank(1, '张*', { days: 28, longestStreak: 21 }), readerRank(2, '李*', { org: null, days: 26, longestStreak: 9 })],
          me: readerRank(57, '王*', { days: 3, longestStreak: 2 }),
        },
      },
    });
    const { container } = render(<ReadingLeaderboardPage />);

    expect(await screen.findByText('张*')).toBeInTheDocument();
    expect(screen.getByText('28 天')).toBeInTheDocument();
    expect(screen.getByText('最长连续 21 天')).toBeInTheDocument();
    expect(screen.getByText('未填写单位')).toBeInTheDocument();
    const mine = container.querySelector('.leaderboard__me');
    expect(mine).toHaveTextContent('我的排名 第 57 名');
    expect(mine).toHaveTextContent('王*');
    expect(mine).toHaveTextContent('3 天');
    expect(mine).toHaveTextContent('最长连续 2 天');
    expect(callsOf(seen)).toEqual(['GET /reading/seasons/5/leaderboard?scope=person&limit=50']);
  });

  it('switches to 单位 with the participation rate and total minutes', async () => {
    const seen = fakeApi({
      'GET /reading/seasons/5/leaderboard': (request) =>
        request.path.includes('scope=org')
          ? { statusCode: 200, data: { top: [orgRank()], me: orgRank() } }
          : { statusCode: 200, data: { top: [readerRank(1, '张*')], me: null } },
    });
    const { container } = render(<ReadingLeaderboardPage />);

    await screen.findByText('张*');
    expect(container.querySelector('.leaderboard__me')).toBeNull();
    fireEvent.click(screen.getByText('单位'));

    expect(await screen.findAllByText('参与率 0.5%')).toHaveLength(2);
    expect(screen.getAllByText('共 12840 分钟')).toHaveLength(2);
    expect(screen.getAllByText('43 / 8600 人参与')).toHaveLength(2);
    expect(screen.getByRole('tab', { name: '单位' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('tab', { name: '个人' })).toHaveAttribute('aria-selected', 'false');
    expect(container.querySelector('.leaderboard__me')).toHaveTextContent('我的单位 第 1 名');
    expect(callsOf(seen)).toEqual([
      'GET /reading/seasons/5/leaderboard?scope=person&limit=50',
      'GET /reading/seasons/5/leaderboard?scope=org&limit=50',
    ]);

    fireEvent.click(screen.getByText('个人'));
    expect(await screen.findByText('张*')).toBeInTheDocument();
  });

  it('says so when nobody has checked in yet', async () => {
    fakeApi({ 'GET /reading/seasons/5/leaderboard': { statusCode: 200, data: { top: [], me: null } } });
    render(<ReadingLeaderboardPage />);

    expect(await screen.findByText('还没有人打卡，快来争第一')).toBeInTheDocument();
  });
});
