import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { FeedItemView, FeedPageView } from '@jingcai/shared';
import { authResult, meView } from '../../../../../test/fixtures';
import { callsOf, fakeApi, type FakeResponse } from '../../../../../test/fake-api';
import { openedWith } from '../../../../../test/router';
import { saveTokens } from '../../../../services/tokens';
import { dayFromToday, feedItem } from '../../reading-fixtures';
import { formatDay } from '../../reading-format';
import FeedPage from '.';

const ok = (data: unknown, statusCode = 200): FakeResponse => ({ statusCode, data });
const feedPage = (items: FeedItemView[], nextCursor: string | null = null): FeedPageView => ({ items, nextCursor });
const photos = [
  { id: 'p1', url: 'http://api.test/api/uploads/p1?sig=x' },
  { id: 'p2', url: 'http://api.test/api/uploads/p2?sig=x' },
];

function likeButton(container: HTMLElement, id = 0): Element {
  const button = container.querySelectorAll('.reading-like')[id];
  if (!button) throw new Error('no like button');
  return button;
}

describe('FeedPage', () => {
  beforeAll(() => {
    // Lazy-loaded images watch the viewport on H5; jsdom has no IntersectionObserver.
    Object.assign(globalThis, {
      IntersectionObserver: class {
        observe() {}
        unobserve() {}
        disconnect() {}
      },
    });
  });

  beforeEach(() => {
    saveTokens(authResult(meView({ consentRequired: false })));
    openedWith({ seasonId: '5' });
  });

  it('shows each note with author, org, book, minutes and photos that open full screen', async () => {
    const preview = jest.spyOn(Taro, 'previewImage').mockResolvedValue({ errMsg: 'previewImage:ok' });
    const seen = fakeApi({
      'GET /reading/seasons/5/feed': ok(
        feedPage([feedItem({ photos }), feedItem({ id: 902, author: { name: '李*', org: null }, mine: true, day: dayFromToday(-1), note: '红岩精神永放光芒，值得反复读。' })]),
      ),
    });
    const { container } = render(<FeedPage />);

    expect(await screen.findByText('孙少平在苦难中不失尊严，读来很受鼓舞。')).toBeInTheDocument();
    expect(screen.getByText('张*')).toBeInTheDocument();
    expect(screen.getByText('大市口街道工会')).toBeInTheDocument();
    expect(screen.getByText('未填写单位')).toBeInTheDocument();
    expect(screen.getByText(formatDay(dayFromToday(-1)))).toBeInTheDocument();
    expect(screen.getAllByText('《平凡的世界》 · 阅读 45 分钟')).toHaveLength(2);
    expect(screen.getByText('我')).toBeInTheDocument();
    expect(screen.getByText('没有更多了')).toBeInTheDocument();

    fireEvent.click(container.querySelectorAll('.reading-post__photo')[1]);
    expect(preview).toHaveBeenCalledWith({ urls: photos.map((photo) => photo.url), current: photos[1].url });
    expect(callsOf(seen)).toEqual(['GET /reading/seasons/5/feed?limit=20']);
  });

  it('likes at once, keeps the API’s count, and unlikes again', async () => {
    const seen = fakeApi({
      'GET /reading/seasons/5/feed': ok(feedPage([feedItem({ likeCount: 2 })])),
      'POST /reading/checkins/901/like': ok({ liked: true, likeCount: 5 }, 201),
      'DELETE /reading/checkins/901/like': ok({ liked: false, likeCount: 4 }),
    });
    const { container } = render(<FeedPage />);
    await screen.findByText('张*');
    expect(likeButton(container)).toHaveTextContent('♡2');
    expect(screen.getByRole('button', { name: '点赞，2 人', pressed: false })).toBe(likeButton(container));

    fireEvent.click(likeButton(container));
    // Shown before the API answers…
    expect(likeButton(container)).toHaveClass('reading-like--liked');
    expect(likeButton(container)).toHaveTextContent('♥3');
    // …then what the API counted (others liked it meanwhile).
    await waitFor(() => expect(likeButton(container)).toHaveTextContent('♥5'));
    expect(screen.getByRole('button', { name: '点赞，5 人', pressed: true })).toBe(likeButton(container));

    fireEvent.click(likeButton(container));
    await waitFor(() => expect(likeButton(container)).toHaveTextContent('♡4'));
    expect(likeButton(container)).not.toHaveClass('reading-like--liked');
    expect(callsOf(seen)).toEqual([
      'GET /reading/seasons/5/feed?limit=20',
      'POST /reading/checkins/901/like',
      'DELETE /reading/checkins/901/like',
    ]);
  });

  it('puts a like back as it was when the API refuses it', async () => {
    let refuse: (response: FakeResponse) => void = () => undefined;
    fakeApi({
      'GET /reading/seasons/5/feed': ok(feedPage([feedItem({ likeCount: 2 })])),
      'POST /reading/checkins/901/like': () => new Promise<FakeResponse>((resolve) => (refuse = resolve)),
    });
    const { container } = render(<FeedPage />);
    await screen.findByText('张*');

    fireEvent.click(likeButton(container));
    expect(likeButton(container)).toHaveTextContent('♥3');
    // A second tap while the first is on its way does nothing.
    fireEvent.click(likeButton(container));
    expect(likeButton(container)).toHaveTextContent('♥3');
    refuse(ok({ code: 'RATE_LIMITED', message: '操作太频繁，请稍后再试' }, 429));

    await waitFor(() => expect(likeButton(container)).toHaveTextContent('♡2'));
    expect(likeButton(container)).not.toHaveClass('reading-like--liked');
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '操作太频繁，请稍后再试', icon: 'none' });
  });

  it('loads older notes with the cursor', async () => {
    const seen = fakeApi({
      'GET /reading/seasons/5/feed': (request) =>
        request.path.includes('cursor=c-901')
          ? ok(feedPage([feedItem({ id: 850, note: '《红岩》里的江姐让人肃然起敬。' })]))
          : ok(feedPage([feedItem()], 'c-901')),
    });
    render(<FeedPage />);

    fireEvent.click(await screen.findByText('加载更多'));

    expect(await screen.findByText('《红岩》里的江姐让人肃然起敬。')).toBeInTheDocument();
    expect(screen.getByText('没有更多了')).toBeInTheDocument();
    expect(callsOf(seen)).toEqual(['GET /reading/seasons/5/feed?limit=20', 'GET /reading/seasons/5/feed?cursor=c-901&limit=20']);
  });

  it('says so when nobody has shared a note yet', async () => {
    fakeApi({ 'GET /reading/seasons/5/feed': ok(feedPage([])) });
    render(<FeedPage />);

    expect(await screen.findByText('还没有人分享读后感，快去打卡吧')).toBeInTheDocument();
  });
});
