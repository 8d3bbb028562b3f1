import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { attemptResultView, attemptView, authResult, campaignView, meView } from '../../../../../test/fixtures';
import { callsOf, fakeApi } from '../../../../../test/fake-api';
import { openedWith } from '../../../../../test/router';
import { pageUrl, ROUTES } from '../../../../routes';
import { saveTokens } from '../../../../services/tokens';
import ResultPage from '.';

describe('ResultPage', () => {
  beforeEach(() => {
    saveTokens(authResult(meView({ consentRequired: false })));
    openedWith({ attemptId: '501' });
  });

  it('shows the score, the verdict and the review of every question with the right answer and why', async () => {
    fakeApi({
      'GET /quiz/attempts/501/result': { statusCode: 200, data: attemptResultView() },
      'GET /quiz/campaigns': { statusCode: 200, data: [campaignView()] },
    });
    const { container } = render(<ResultPage />);

    expect(await screen.findByText('67 分')).toBeInTheDocument();
    expect(screen.getByText('通过')).toBeInTheDocument();
    expect(screen.getByText('答对 2 / 3 题')).toBeInTheDocument();
    expect(screen.getByText('用时 1分35秒')).toBeInTheDocument();
    expect(await screen.findByText('及格分 60 分')).toBeInTheDocument();
    expect(screen.queryByText('超时提交，本次计 0 分')).not.toBeInTheDocument();

    const wrong = container.querySelector('.quiz-review--wrong');
    expect(wrong).toHaveTextContent('以下属于劳动者权利的有？');
    expect(wrong).toHaveTextContent('回答错误');
    expect(wrong).toHaveTextContent('你的答案：A');
    expect(wrong).toHaveTextContent('正确答案：A、B');
    expect(wrong).toHaveTextContent('解析：劳动者享有获得劳动报酬和休息休假的权利。');
    expect(screen.getAllByText('回答正确')).toHaveLength(2);
    // A judge question's answer in words.
    expect(screen.getAllByText('正确答案：错误')).toHaveLength(1);
  });

  it('says a late submission scored 0, and offers neither certificate nor retry when none are due', async () => {
    fakeApi({
      'GET /quiz/attempts/501/result': {
        statusCode: 200,
        data: attemptResultView({ score: 0, passed: false, late: true, correctCount: 0, certificateSerial: null }),
      },
      'GET /quiz/campaigns': { statusCode: 200, data: [campaignView({ attemptsLeftToday: 0 })] },
    });
    render(<ResultPage />);

    expect(await screen.findByText('超时提交，本次计 0 分')).toBeInTheDocument();
    expect(screen.getByText('未通过')).toBeInTheDocument();
    await screen.findByText('及格分 60 分');
    expect(screen.queryByText('查看证书')).not.toBeInTheDocument();
    expect(screen.queryByText('再答一次')).not.toBeInTheDocument();
  });

  it('opens the leaderboard, the 错题本 and the certificate', async () => {
    fakeApi({
      'GET /quiz/attempts/501/result': { statusCode: 200, data: attemptResultView() },
      'GET /quiz/campaigns': { statusCode: 200, data: [] },
    });
    render(<ResultPage />);

    fireEvent.click(await screen.findByText('排行榜'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: pageUrl(ROUTES.quizLeaderboard, { campaignId: 21 }) });
    fireEvent.click(screen.getByText('错题本'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: ROUTES.quizMistakes });
    fireEvent.click(screen.getByText('查看证书'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: pageUrl(ROUTES.quizCertificate, { serial: 'JC-2026-000123' }) });
  });

  it('再答一次 starts a new attempt in place of this page', async () => {
    const seen = fakeApi({
      'GET /quiz/attempts/501/result': { statusCode: 200, data: attemptResultView() },
      'GET /quiz/campaigns': { statusCode: 200, data: [campaignView({ attemptsLeftToday: 2 })] },
      'POST /quiz/campaigns/21/attempts': { statusCode: 201, data: attemptView({ attemptId: 502 }) },
    });
    render(<ResultPage />);

    fireEvent.click(await screen.findByText('再答一次'));

    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: pageUrl(ROUTES.quizAnswer, { attemptId: 502 }) }));
    expect(callsOf(seen)).toContain('POST /quiz/campaigns/21/attempts');
  });
});
