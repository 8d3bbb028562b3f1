import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { MyAttemptView, Page } from '@jingcai/shared';
import { authResult, certificateView, meView } from '../../../../../test/fixtures';
import { fakeApi } from '../../../../../test/fake-api';
import { saveTokens } from '../../../../services/tokens';
import MyQuizPage from '.';

function attempt(id: number, overrides: Partial<MyAttemptView> = {}): MyAttemptView {
  return {
    attemptId: id,
    campaign: { id: 7, title: '工会法知识竞赛', status: 'ended', endsAt: '2026-11-30T15:59:59Z' },
    score: 40,
    passed: false,
    late: false,
    correctCount: 2,
    questionCount: 5,
    durationSeconds: 95,
    submittedAt: '2026-11-24T02:05:00Z',
    certificateSerial: null,
    ...overrides,
  };
}

const page = (items: MyAttemptView[], n: number, total: number): Page<MyAttemptView> => ({ items, total, page: n, pageSize: 20 });

describe('MyQuizPage', () => {
  beforeEach(() => saveTokens(authResult(meView({ consentRequired: false }))));
  afterEach(() => jest.restoreAllMocks());

  it('shows my certificates and attempts, loads more, and opens a certificate and an attempt’s review', async () => {
    const navigate = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' });
    const first = Array.from({ length: 20 }, (_, i) => attempt(30 - i));
    first[0] = attempt(30, { score: 100, passed: true, correctCount: 5, certificateSerial: 'JC0123456789ABCDEF' });
    const seen = fakeApi({
      'GET /quiz/certificates/mine': { statusCode: 200, data: [certificateView({ serial: 'JC0123456789ABCDEF', campaignTitle: '工会法知识竞赛' })] },
      'GET /quiz/attempts/mine': (request) =>
        request.path.includes('page=2')
          ? { statusCode: 200, data: page([attempt(5, { late: true, score: 0, correctCount: 0 })], 2, 21) }
          : { statusCode: 200, data: page(first, 1, 21) },
    });
    render(<MyQuizPage />);

    expect(await screen.findByText('100 分 · 2026年11月24日 颁发')).toBeInTheDocument();
    expect(await screen.findByText('100 分')).toBeInTheDocument();
    expect(screen.getByText('及格 · 答对 5/5 题 · 用时 1分35秒')).toBeInTheDocument();
    expect(screen.getAllByText('未及格 · 答对 2/5 题 · 用时 1分35秒')).toHaveLength(19);

    fireEvent.click(screen.getByText('加载更多'));
    expect(await screen.findByText('超时交卷 · 答对 0/5 题 · 用时 1分35秒')).toBeInTheDocument();
    expect(screen.getByText('没有更多记录了')).toBeInTheDocument();
    expect(seen.filter((r) => r.path.startsWith('/quiz/attempts/mine')).map((r) => r.path)).toEqual([
      '/quiz/attempts/mine?page=1&pageSize=20',
      '/quiz/attempts/mine?page=2&pageSize=20',
    ]);

    fireEvent.click(screen.getByLabelText('查看「工会法知识竞赛」的证书', { selector: '.quiz-mine__certificate *' }));
    await waitFor(() =>
      expect(navigate).toHaveBeenCalledWith({ url: '/packages/quiz/pages/certificate/index?serial=JC0123456789ABCDEF' }),
    );
    fireEvent.click(screen.getAllByText('查看解析')[0]);
    expect(navigate).toHaveBeenLastCalledWith({ url: '/packages/quiz/pages/result/index?attemptId=30' });
  });

  it('says what to do when there is nothing yet', async () => {
    fakeApi({
      'GET /quiz/certificates/mine': { statusCode: 200, data: [] },
      'GET /quiz/attempts/mine': { statusCode: 200, data: page([], 1, 0) },
    });
    render(<MyQuizPage />);

    expect(await screen.findByText('答题及格即可获得电子证书')).toBeInTheDocument();
    expect(await screen.findByText('还没有答题记录，去参加一场答题吧')).toBeInTheDocument();
  });

  it('offers 重试 when the attempts fail to load', async () => {
    fakeApi({
      'GET /quiz/certificates/mine': { statusCode: 200, data: [] },
      'GET /quiz/attempts/mine': { statusCode: 500, data: { code: 'INTERNAL', message: '服务器开小差了，请稍后再试' } },
    });
    render(<MyQuizPage />);

    expect(await screen.findByText('重试')).toBeInTheDocument();
  });
});
