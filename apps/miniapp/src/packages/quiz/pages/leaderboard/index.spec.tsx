import { fireEvent, render, screen } from '@testing-library/react';
import type { OrgRankView, PersonRankView } from '@jingcai/shared';
import { authResult, meView } from '../../../../../test/fixtures';
import { callsOf, fakeApi } from '../../../../../test/fake-api';
import { openedWith } from '../../../../../test/router';
import { saveTokens } from '../../../../services/tokens';
import LeaderboardPage from '.';

const person = (rank: number, name: string, overrides: Partial<PersonRankView> = {}): PersonRankView => ({
  rank,
  userId: rank,
  name,
  org: '大市口街道工会',
  bestScore: 100 - rank * 10,
  durationSeconds: 60 + rank,
  ...overrides,
});

const orgRow: OrgRankView = {
  rank: 1,
  org: { id: 2, name: '大市口街道工会', kind: 'street' },
  participants: 43,
  memberCount: 8600,
  participationRate: 0.005,
  averageBestScore: 86.5,
};

describe('LeaderboardPage', () => {
  beforeEach(() => {
    saveTokens(authResult(meView({ consentRequired: false })));
    openedWith({ campaignId: '21' });
  });

  it('ranks people by score and time, and pins my row with my rank at the bottom', async () => {
    const seen = fakeApi({
      'GET /quiz/campaigns/21/leaderboard': {
        statusCode: 200,
        data: { top: [person(1, '张*'), person(2, '李*', { org: null })], me: person(57, '王*', { bestScore: 60, durationSeconds: 125 }) },
      },
    });
    const { container } = render(<LeaderboardPage />);

    expect(await screen.findByText('张*')).toBeInTheDocument();
    expect(screen.getByText('90 分')).toBeInTheDocument();
    expect(screen.getByText('用时 1分01秒')).toBeInTheDocument();
    expect(screen.getByText('未填写组织')).toBeInTheDocument();
    const mine = container.querySelector('.leaderboard__me');
    expect(mine).toHaveTextContent('我的排名 第 57 名');
    expect(mine).toHaveTextContent('王*');
    expect(mine).toHaveTextContent('60 分');
    expect(mine).toHaveTextContent('用时 2分05秒');
    expect(callsOf(seen)).toEqual(['GET /quiz/campaigns/21/leaderboard?scope=person&limit=50']);
  });

  it('switches to the org ranking with participants, participation rate and average', async () => {
    const seen = fakeApi({
      'GET /quiz/campaigns/21/leaderboard': (request) =>
        request.path.includes('scope=org')
          ? { statusCode: 200, data: { top: [orgRow], me: orgRow } }
          : { statusCode: 200, data: { top: [person(1, '张*')], me: null } },
    });
    const { container } = render(<LeaderboardPage />);

    await screen.findByText('张*');
    expect(container.querySelector('.leaderboard__me')).toBeNull();
    fireEvent.click(screen.getByText('组织'));

    expect(await screen.findAllByText('43 人参与 · 参与率 0.5%')).toHaveLength(2);
    expect(screen.getAllByText('平均 86.5 分')).toHaveLength(2);
    expect(container.querySelector('.leaderboard__me')).toHaveTextContent('我的组织 第 1 名');
    expect(callsOf(seen)).toContain('GET /quiz/campaigns/21/leaderboard?scope=org&limit=50');
  });

  it('says so when nobody has taken part yet', async () => {
    fakeApi({ 'GET /quiz/campaigns/21/leaderboard': { statusCode: 200, data: { top: [], me: null } } });
    render(<LeaderboardPage />);

    expect(await screen.findByText('还没有人参加，快来争第一')).toBeInTheDocument();
  });
});
