import { render, screen } from '@testing-library/react';
import type { CheckinView } from '@jingcai/shared';
import { authResult, meView } from '../../../../../test/fixtures';
import { fakeApi } from '../../../../../test/fake-api';
import { openedWith } from '../../../../../test/router';
import { saveTokens } from '../../../../services/tokens';
import MyNotesPage from '.';

function checkin(id: number, overrides: Partial<CheckinView> = {}): CheckinView {
  return {
    id,
    seasonId: 4,
    day: '2026-11-24',
    book: { id: 1, title: '平凡的世界' },
    minutes: 30,
    note: `第${id}篇读后感`,
    photos: [],
    makeUp: false,
    status: 'published',
    likeCount: 3,
    createdAt: '2026-11-24T12:00:00Z',
    ...overrides,
  };
}

describe('MyNotesPage', () => {
  beforeEach(() => saveTokens(authResult(meView({ consentRequired: false }))));
  afterEach(() => jest.restoreAllMocks());

  it('shows my notes of the season it was opened with, make-ups and hidden ones marked', async () => {
    openedWith({ seasonId: '4' });
    const seen = fakeApi({
      'GET /reading/seasons/4/checkins/mine': {
        statusCode: 200,
        data: {
          items: [checkin(2), checkin(1, { day: '2026-11-23', makeUp: true, status: 'hidden' })],
          total: 2,
          page: 1,
          pageSize: 20,
        },
      },
    });
    render(<MyNotesPage />);

    expect(await screen.findByText('第2篇读后感')).toBeInTheDocument();
    expect(screen.getByText('共 2 篇')).toBeInTheDocument();
    expect(screen.getByText('补卡')).toBeInTheDocument();
    expect(screen.getByText('已隐藏')).toBeInTheDocument();
    expect(screen.getAllByText('《平凡的世界》 · 阅读 30 分钟')).toHaveLength(2);
    expect(screen.getByText('没有更多笔记了')).toBeInTheDocument();
    expect(seen.map((r) => r.path)).toEqual(['/reading/seasons/4/checkins/mine?page=1&pageSize=20']);
  });

  it('opens on the current season when none was given', async () => {
    openedWith({});
    fakeApi({
      'GET /reading/seasons/current': { statusCode: 200, data: { season: { id: 9 } } },
      'GET /reading/seasons/9/checkins/mine': { statusCode: 200, data: { items: [], total: 0, page: 1, pageSize: 20 } },
    });
    render(<MyNotesPage />);

    expect(await screen.findByText('还没有读书笔记，打卡时写下读后感吧')).toBeInTheDocument();
  });

  it('says so when no season is open', async () => {
    openedWith({});
    fakeApi({ 'GET /reading/seasons/current': { statusCode: 200, data: { season: null } } });
    render(<MyNotesPage />);

    expect(await screen.findByText('当前没有进行中的读书季')).toBeInTheDocument();
  });
});
