import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { attemptView, authResult, meView, mistakeView } from '../../../../../test/fixtures';
import { fakeApi } from '../../../../../test/fake-api';
import { saveTokens } from '../../../../services/tokens';
import MistakesPage from '.';

const judge = attemptView().questions[2];

describe('MistakesPage', () => {
  beforeEach(() => saveTokens(authResult(meView({ consentRequired: false }))));

  it('practises a question: wrong shows the answer and why and keeps it; right takes it out', async () => {
    const seen = fakeApi({
      'GET /quiz/mistakes': { statusCode: 200, data: [mistakeView(), mistakeView({ question: judge, wrongCount: 1 })] },
      'POST /quiz/mistakes/2/practice': (request) => {
        const { choice } = request.body as { choice: string[] };
        const correct = choice.join() === 'A,B';
        return {
          statusCode: 201,
          data: { correct, answer: ['A', 'B'], explanation: '劳动者享有获得劳动报酬和休息休假的权利。', removed: correct },
        };
      },
    });
    render(<MistakesPage />);

    expect(await screen.findByText('共 2 道错题，答对后自动移出')).toBeInTheDocument();
    expect(screen.getByText('答错 2 次 · 最近 2026年11月24日')).toBeInTheDocument();
    // No answer before practising.
    expect(screen.queryByText(/正确答案/)).not.toBeInTheDocument();

    fireEvent.click(screen.getAllByText('练一练')[0]);
    fireEvent.click(screen.getByText('获得劳动报酬'));
    fireEvent.click(screen.getByText('提交答案'));

    expect(await screen.findByText('回答错误')).toBeInTheDocument();
    expect(screen.getByText('正确答案：A、B')).toBeInTheDocument();
    expect(screen.getByText('解析：劳动者享有获得劳动报酬和休息休假的权利。')).toBeInTheDocument();
    expect(seen[1].body).toEqual({ choice: ['A'] });

    fireEvent.click(screen.getByText('再练一次'));
    fireEvent.click(screen.getByText('获得劳动报酬'));
    fireEvent.click(screen.getByText('休息休假'));
    fireEvent.click(screen.getByText('提交答案'));

    expect(await screen.findByText('回答正确')).toBeInTheDocument();
    fireEvent.click(screen.getByText('已移出错题本，知道了'));

    await waitFor(() => expect(screen.queryByText('以下属于劳动者权利的有？')).not.toBeInTheDocument());
    expect(screen.getByText('用人单位可以扣押劳动者的身份证。')).toBeInTheDocument();
  });

  it('says so when the 错题本 is empty', async () => {
    fakeApi({ 'GET /quiz/mistakes': { statusCode: 200, data: [] } });
    render(<MistakesPage />);

    expect(await screen.findByText('错题本是空的，继续保持')).toBeInTheDocument();
  });
});
