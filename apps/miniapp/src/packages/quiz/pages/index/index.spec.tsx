import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { ErrorCode } from '@jingcai/shared';
import { attemptView, authResult, campaignView, meView } from '../../../../../test/fixtures';
import { callsOf, fakeApi } from '../../../../../test/fake-api';
import { pageUrl, ROUTES } from '../../../../routes';
import { setCurrentUser } from '../../../../services/session';
import { saveTokens } from '../../../../services/tokens';
import { takeHandedOver } from '../../attempt-draft';
import QuizIndexPage from '.';

function modalAnswers(confirm: boolean) {
  return jest.spyOn(Taro, 'showModal').mockResolvedValue({ confirm, cancel: !confirm, errMsg: 'showModal:ok' });
}

describe('QuizIndexPage', () => {
  beforeEach(() => saveTokens(authResult(meView({ consentRequired: false }))));

  it('lists campaigns with closing time, questions and time limit, attempts left and best score', async () => {
    fakeApi({ 'GET /quiz/campaigns': { statusCode: 200, data: [campaignView({ bestScore: 80, attemptsLeftToday: 2 })] } });
    render(<QuizIndexPage />);

    expect(await screen.findByText('安全生产知识竞赛')).toBeInTheDocument();
    expect(screen.getByText('2026年12月20日 23:59 截止')).toBeInTheDocument();
    expect(screen.getByText('共 3 题 · 限时 5分00秒 · 及格 60 分')).toBeInTheDocument();
    expect(screen.getByText('今日剩余 2 次')).toBeInTheDocument();
    expect(screen.getByText('最高分 80')).toBeInTheDocument();

    // The rules unfold on a tap.
    expect(screen.queryByText('每人每天可答 3 次，取最高分。')).not.toBeInTheDocument();
    fireEvent.click(screen.getByText('查看规则 ▾'));
    expect(screen.getByText('每人每天可答 3 次，取最高分。')).toBeInTheDocument();
    expect(screen.getByText('每次答题限时 5 分钟；开启长辈模式可延长为 1.5 倍。')).toBeInTheDocument();
  });

  it('gives a worker in 长辈模式 half as much time again, and says so in the rules', async () => {
    setCurrentUser(meView({ consentRequired: false, careMode: true }));
    const modal = modalAnswers(false);
    fakeApi({ 'GET /quiz/campaigns': { statusCode: 200, data: [campaignView()] } });
    render(<QuizIndexPage />);

    expect(await screen.findByText('共 3 题 · 限时 7分30秒 · 及格 60 分')).toBeInTheDocument();
    fireEvent.click(screen.getByText('开始答题'));
    await waitFor(() =>
      expect(modal).toHaveBeenCalledWith(
        expect.objectContaining({ content: expect.stringContaining('每次答题限时 7 分 30 秒（长辈模式已延长为 1.5 倍）。') }),
      ),
    );
    act(() => setCurrentUser(null));
  });

  it('says 不限时 for a campaign without a time limit, in the list, the rules and the confirm dialog', async () => {
    const modal = modalAnswers(false);
    fakeApi({ 'GET /quiz/campaigns': { statusCode: 200, data: [campaignView({ secondsPerAttempt: null })] } });
    render(<QuizIndexPage />);

    expect(await screen.findByText('共 3 题 · 不限时 · 及格 60 分')).toBeInTheDocument();
    fireEvent.click(screen.getByText('查看规则 ▾'));
    expect(screen.getByText('本活动答题不限时。')).toBeInTheDocument();
    fireEvent.click(screen.getByText('开始答题'));
    await waitFor(() => expect(modal).toHaveBeenCalled());
    const { content } = modal.mock.calls[0][0] as { content: string };
    expect(content).toContain('本活动答题不限时。');
    expect(content).toContain('活动结束前交卷即可。');
    expect(content).not.toContain('时间到自动交卷');
  });

  it('shows the rules before starting, then starts and opens the answer page', async () => {
    const modal = modalAnswers(true);
    const seen = fakeApi({
      'GET /quiz/campaigns': { statusCode: 200, data: [campaignView()] },
      'POST /quiz/campaigns/21/attempts': { statusCode: 201, data: attemptView() },
    });
    render(<QuizIndexPage />);

    fireEvent.click(await screen.findByText('开始答题'));

    await waitFor(() => expect(Taro.navigateTo).toHaveBeenCalledWith({ url: pageUrl(ROUTES.quizAnswer, { attemptId: 501 }) }));
    expect(modal).toHaveBeenCalledWith(
      expect.objectContaining({ title: '答题规则', content: expect.stringContaining('每人每天可答 3 次，取最高分。') }),
    );
    expect(callsOf(seen)).toContain('POST /quiz/campaigns/21/attempts');
    // Handed to the answer page, which then need not fetch it again.
    expect(takeHandedOver(501)?.attempt.questions).toHaveLength(3);
  });

  it('starts nothing when the worker thinks again', async () => {
    modalAnswers(false);
    const seen = fakeApi({ 'GET /quiz/campaigns': { statusCode: 200, data: [campaignView()] } });
    render(<QuizIndexPage />);

    fireEvent.click(await screen.findByText('开始答题'));

    await waitFor(() => expect(Taro.showModal).toHaveBeenCalled());
    expect(callsOf(seen)).toEqual(['GET /quiz/campaigns']);
  });

  it('shows the refusal and reloads the list when no attempts are left after all', async () => {
    modalAnswers(true);
    let lists = 0;
    fakeApi({
      'GET /quiz/campaigns': () => {
        lists += 1;
        return { statusCode: 200, data: [campaignView(lists > 1 ? { attemptsLeftToday: 0 } : {})] };
      },
      'POST /quiz/campaigns/21/attempts': { statusCode: 409, data: { code: ErrorCode.NoAttemptsLeft, message: '今日答题次数已用完' } },
    });
    render(<QuizIndexPage />);

    fireEvent.click(await screen.findByText('开始答题'));

    expect(await screen.findByText('今日次数已用完')).toBeInTheDocument();
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '今日答题次数已用完', icon: 'none' });
    expect(Taro.navigateTo).not.toHaveBeenCalled();
  });

  it('offers 继续答题 for an open attempt and a disabled button when today is used up', async () => {
    fakeApi({
      'GET /quiz/campaigns': {
        statusCode: 200,
        data: [campaignView({ openAttemptId: 77 }), campaignView({ id: 22, title: '工会法知识问答', attemptsLeftToday: 0 })],
      },
    });
    render(<QuizIndexPage />);

    fireEvent.click(await screen.findByText('继续答题'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: pageUrl(ROUTES.quizAnswer, { attemptId: 77 }) });
    expect(screen.getByText('今日次数已用完').closest('.nut-button')).toHaveClass('nut-button-disabled');
    expect(screen.queryByText('开始答题')).not.toBeInTheDocument();
  });

  it('links to the 错题本 and a campaign leaderboard', async () => {
    fakeApi({ 'GET /quiz/campaigns': { statusCode: 200, data: [campaignView()] } });
    render(<QuizIndexPage />);

    fireEvent.click(await screen.findByText('排行榜'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: pageUrl(ROUTES.quizLeaderboard, { campaignId: 21 }) });
    fireEvent.click(screen.getByText('错题本'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: ROUTES.quizMistakes });
  });

  it('says so when nothing is open, and offers a retry on errors', async () => {
    let lists = 0;
    fakeApi({
      'GET /quiz/campaigns': () => {
        lists += 1;
        return lists === 1
          ? { statusCode: 500, data: { code: 'INTERNAL_ERROR', message: '服务器开小差了，请稍后再试' } }
          : { statusCode: 200, data: [] };
      },
    });
    render(<QuizIndexPage />);

    fireEvent.click(await screen.findByText('重试'));

    expect(await screen.findByText('暂时没有进行中的答题活动')).toBeInTheDocument();
  });
});
