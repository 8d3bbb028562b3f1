import { fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { authResult, meView } from '../../../../../test/fixtures';
import { callsOf, fakeApi, type FakeResponse } from '../../../../../test/fake-api';
import { pageUrl, ROUTES } from '../../../../routes';
import { saveTokens } from '../../../../services/tokens';
import { handOverCheckin } from '../../checkin-handover';
import { checkinResult, dayFromToday, myReadingView, seasonView } from '../../reading-fixtures';
import ReadingIndexPage from '.';

const ok = (data: unknown): FakeResponse => ({ statusCode: 200, data });
const season = seasonView();

function api(me = myReadingView()) {
  return fakeApi({
    'GET /reading/seasons/current': ok({ season }),
    'GET /reading/seasons/5/me': ok(me),
  });
}

describe('ReadingIndexPage', () => {
  beforeEach(() => saveTokens(authResult(meView({ consentRequired: false }))));

  it('loads the season and my figures: theme, streak, stats, badges, calendar and books', async () => {
    const checkinDays = [dayFromToday(-3), dayFromToday(-2), dayFromToday(-1), dayFromToday(0)];
    const seen = api(
      myReadingView({
        days: 8,
        currentStreak: 4,
        longestStreak: 5,
        minutes: 420,
        badges: [7],
        nextBadge: 21,
        checkedInToday: true,
        makeUpsLeft: 0,
        checkinDays,
      }),
    );
    const { container } = render(<ReadingIndexPage />);

    expect(screen.getByText('加载中…')).toBeInTheDocument();
    expect(await screen.findByText('阅读新时代 建功新征程')).toBeInTheDocument();
    expect(screen.getByText('已连续打卡 4 天')).toBeInTheDocument();
    expect(screen.getByText('今日已打卡').closest('.nut-button')).toHaveClass('nut-button-disabled');
    expect(screen.queryByText('今日打卡')).not.toBeInTheDocument();
    expect(container.querySelector('.reading-stats')).toHaveTextContent('8 天累计打卡4 天当前连续5 天最长连续420 分钟阅读时长');

    // 7 earned; 21 and 50 still to come.
    expect(container.querySelectorAll('.reading-badge--earned')).toHaveLength(1);
    expect(screen.getByText('7 天徽章')).toBeInTheDocument();
    expect(screen.getByText('再打卡 13 天，可获得「21 天」徽章')).toBeInTheDocument();

    // Today ringed and checked; every checked day of this month marked.
    const today = container.querySelector('.reading-calendar__day--today');
    expect(today).toHaveTextContent(String(Number(dayFromToday(0).slice(8))));
    expect(today).toHaveClass('reading-calendar__day--checked');
    const thisMonth = checkinDays.filter((day) => day.startsWith(dayFromToday(0).slice(0, 7)));
    expect(container.querySelectorAll('.reading-calendar__day--checked')).toHaveLength(thisMonth.length);

    expect(screen.getByText('《平凡的世界》')).toBeInTheDocument();
    expect(screen.getByText('罗广斌、杨益言')).toBeInTheDocument();
    // No make-ups left: no 补卡 entry.
    expect(screen.queryByText(/去补卡/)).not.toBeInTheDocument();
    expect(callsOf(seen)).toEqual(['GET /reading/seasons/current', 'GET /reading/seasons/5/me']);
  });

  it('opens the check-in form, the 补卡 form, the feed, the rankings and the poster', async () => {
    api(myReadingView({ checkinDays: [dayFromToday(-1)], days: 1, currentStreak: 1, longestStreak: 1 }));
    render(<ReadingIndexPage />);

    fireEvent.click(await screen.findByText('今日打卡'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: ROUTES.readingCheckin });
    // The season started ten days ago and only yesterday is checked in.
    fireEvent.click(screen.getByText('漏打卡了？去补卡（剩余 3 次） ›'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: pageUrl(ROUTES.readingCheckin, { makeUp: 1 }) });
    fireEvent.click(screen.getByText('书友圈'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: pageUrl(ROUTES.readingFeed, { seasonId: 5 }) });
    fireEvent.click(screen.getByText('排行榜'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: pageUrl(ROUTES.readingLeaderboard, { seasonId: 5 }) });
    fireEvent.click(screen.getByText('我的海报'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: pageUrl(ROUTES.readingPoster, { seasonId: 5 }) });
    expect(screen.getByText('已连续打卡 1 天')).toBeInTheDocument();
  });

  it('says when a note just checked in waits for review', async () => {
    handOverCheckin(checkinResult({ status: 'pending' }));
    api(checkinResult().me);
    render(<ReadingIndexPage />);

    expect(await screen.findByText('读后感审核通过后将在书友圈展示')).toBeInTheDocument();
    expect(screen.getByText('今日已打卡')).toBeInTheDocument();
  });

  it('says so when no season is open', async () => {
    const seen = fakeApi({ 'GET /reading/seasons/current': ok({ season: null }) });
    render(<ReadingIndexPage />);

    expect(await screen.findByText('当前没有进行中的读书季')).toBeInTheDocument();
    expect(callsOf(seen)).toEqual(['GET /reading/seasons/current']);
  });

  it('offers a retry when loading fails', async () => {
    let asked = 0;
    fakeApi({
      'GET /reading/seasons/current': () => {
        asked += 1;
        return asked === 1 ? { statusCode: 500, data: { code: 'INTERNAL_ERROR', message: '服务器开小差了，请稍后再试' } } : ok({ season });
      },
      'GET /reading/seasons/5/me': ok(myReadingView()),
    });
    render(<ReadingIndexPage />);

    fireEvent.click(await screen.findByText('重试'));

    expect(await screen.findByText('今天开始，养成阅读好习惯')).toBeInTheDocument();
  });
});
