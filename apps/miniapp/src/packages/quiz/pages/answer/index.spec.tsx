import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { ErrorCode } from '@jingcai/shared';
import { attemptResultView, attemptView, authResult, meView } from '../../../../../test/fixtures';
import { callsOf, fakeApi, type FakeResponse } from '../../../../../test/fake-api';
import { openedWith } from '../../../../../test/router';
import { pageUrl, ROUTES } from '../../../../routes';
import { saveTokens } from '../../../../services/tokens';
import { loadDraft, saveDraft } from '../../attempt-draft';
import AnswerPage from '.';

const ok = (data: unknown, statusCode = 200, header?: Record<string, string>): FakeResponse => ({ statusCode, data, header });
const SUBMIT = 'POST /quiz/attempts/501/submit';

function modalAnswers(confirm: boolean) {
  return jest.spyOn(Taro, 'showModal').mockResolvedValue({ confirm, cancel: !confirm, errMsg: 'showModal:ok' });
}

/** The option row a worker taps, by its text. */
function option(text: string): HTMLElement {
  const row = screen.getByText(text).closest('.quiz-option');
  if (!row) throw new Error(`no option ${text}`);
  return row as HTMLElement;
}

describe('AnswerPage', () => {
  beforeEach(() => {
    saveTokens(authResult(meView({ consentRequired: false })));
    openedWith({ attemptId: '501' });
  });

  afterEach(() => {
    jest.useRealTimers();
  });

  it('shows one question at a time with its type, options and progress, and never an answer', async () => {
    fakeApi({ 'GET /quiz/attempts/501': ok(attemptView()) });
    const { container } = render(<AnswerPage />);

    expect(await screen.findByText('发生火灾时应拨打的电话是？')).toBeInTheDocument();
    expect(screen.getByText('1 / 3')).toBeInTheDocument();
    expect(screen.getByText('单选')).toBeInTheDocument();
    expect(screen.getByText('119')).toBeInTheDocument();
    expect(container).not.toHaveTextContent('正确答案');
    expect(container).not.toHaveTextContent('解析');
    expect(container.querySelector('.quiz-option--selected')).toBeNull();

    fireEvent.click(option('119'));
    expect(option('119')).toHaveClass('quiz-option--selected');
    fireEvent.click(option('110'));
    expect(option('110')).toHaveClass('quiz-option--selected');
    expect(option('119')).not.toHaveClass('quiz-option--selected');
    expect(screen.getByRole('radio', { name: /110/ })).toBeChecked();
    expect(screen.getByRole('radio', { name: /119/ })).not.toBeChecked();

    fireEvent.click(screen.getByText('下一题'));
    expect(screen.getByText('2 / 3')).toBeInTheDocument();
    expect(screen.getByText('多选')).toBeInTheDocument();
    fireEvent.click(option('获得劳动报酬'));
    fireEvent.click(option('休息休假'));
    expect(container.querySelectorAll('.quiz-option--selected')).toHaveLength(2);
    expect(screen.getAllByRole('checkbox', { checked: true })).toHaveLength(2);

    fireEvent.click(screen.getByText('下一题'));
    expect(screen.getByText('判断')).toBeInTheDocument();
    expect(screen.getByText('提交')).toBeInTheDocument();
    expect(screen.queryByText('下一题')).not.toBeInTheDocument();

    fireEvent.click(screen.getByText('上一题'));
    expect(screen.getByText('2 / 3')).toBeInTheDocument();
    expect(container.querySelectorAll('.quiz-option--selected')).toHaveLength(2);
    expect(screen.getByText('已答 2 / 3')).toBeInTheDocument();
  });

  it('counts down to the server deadline, not the phone clock', async () => {
    // The phone is an hour behind the server; the server says 30 s are left.
    const serverNow = Date.now() + 3600_000;
    const attempt = attemptView({ startedAt: new Date(serverNow - 270_000).toISOString() });
    fakeApi({ 'GET /quiz/attempts/501': ok(attempt, 200, { Date: new Date(serverNow).toUTCString() }) });
    render(<AnswerPage />);

    // Whole seconds in the header: 30 s left, or 31 when the header rounded the server clock down.
    expect(await screen.findByText(/^剩余 00:3[01]$/)).toBeInTheDocument();
  });

  it('shows no countdown and hands nothing in by itself in an untimed campaign', async () => {
    jest.useFakeTimers({ doNotFake: ['queueMicrotask', 'nextTick'] });
    let submits = 0;
    fakeApi({
      'GET /quiz/attempts/501': ok(attemptView({ deadline: null })),
      [SUBMIT]: () => {
        submits += 1;
        return ok(attemptResultView(), 201);
      },
    });
    const { container } = render(<AnswerPage />);

    expect(await screen.findByText('不限时')).toBeInTheDocument();
    expect(container).not.toHaveTextContent('剩余');
    expect(container.querySelector('[aria-live]')).toBeNull();
    // An hour later nothing has been handed in for the worker.
    await act(async () => {
      await jest.advanceTimersByTimeAsync(3600_000);
    });
    expect(submits).toBe(0);
    expect(container).not.toHaveTextContent('时间到');
  });

  it('hands in what was answered when the time runs out, exactly once, and opens the result', async () => {
    jest.useFakeTimers({ doNotFake: ['queueMicrotask', 'nextTick'] });
    const attempt = attemptView({ startedAt: new Date(Date.now() - 290_000).toISOString() });
    let submits = 0;
    const seen = fakeApi({
      'GET /quiz/attempts/501': ok(attempt),
      [SUBMIT]: () => {
        submits += 1;
        return ok(attemptResultView(), 201);
      },
    });
    render(<AnswerPage />);

    fireEvent.click(await screen.findByText('119'));
    expect(screen.getByText(/^剩余 00:(09|10)$/)).toBeInTheDocument();

    await act(async () => {
      await jest.advanceTimersByTimeAsync(11_000);
    });
    await act(async () => {
      await jest.advanceTimersByTimeAsync(5_000);
    });

    expect(submits).toBe(1);
    expect(seen.find((call) => `${call.method} ${call.path}` === SUBMIT)?.body).toEqual({
      answers: [{ questionId: 1, choice: ['B'] }],
    });
    expect(Taro.redirectTo).toHaveBeenCalledTimes(1);
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: pageUrl(ROUTES.quizResult, { attemptId: 501 }) });
    expect(loadDraft(501).answers).toEqual({});
  });

  it('does not hand in again when the time runs out while a tapped 提交 is on its way', async () => {
    jest.useFakeTimers({ doNotFake: ['queueMicrotask', 'nextTick'] });
    const attempt = attemptView({ startedAt: new Date(Date.now() - 298_000).toISOString() });
    let submits = 0;
    fakeApi({
      'GET /quiz/attempts/501': ok(attempt),
      // A slow network: the answer arrives after the deadline.
      [SUBMIT]: async () => {
        submits += 1;
        await new Promise((resolve) => setTimeout(resolve, 4_000));
        return ok(attemptResultView(), 201);
      },
    });
    saveDraft(501, { answers: { 1: ['B'], 2: ['A', 'B'], 3: ['B'] }, clockOffsetMs: 0 });
    render(<AnswerPage />);

    fireEvent.click(await screen.findByText('3'));
    fireEvent.click(screen.getByText('提交'));
    await act(async () => {
      await jest.advanceTimersByTimeAsync(6_000);
    });

    expect(submits).toBe(1);
    expect(Taro.redirectTo).toHaveBeenCalledTimes(1);
  });

  it('asks before handing in with questions unanswered', async () => {
    const modal = modalAnswers(false);
    const seen = fakeApi({ 'GET /quiz/attempts/501': ok(attemptView()), [SUBMIT]: ok(attemptResultView(), 201) });
    render(<AnswerPage />);

    fireEvent.click(await screen.findByText('119'));
    fireEvent.click(screen.getByText('下一题'));
    fireEvent.click(screen.getByText('下一题'));
    fireEvent.click(option('错误'));
    fireEvent.click(screen.getByText('提交'));

    await waitFor(() => expect(modal).toHaveBeenCalledWith(expect.objectContaining({ content: expect.stringContaining('还有 1 题未作答') })));
    expect(callsOf(seen)).not.toContain(SUBMIT);

    modal.mockResolvedValue({ confirm: true, cancel: false, errMsg: 'showModal:ok' });
    fireEvent.click(screen.getByText('提交'));

    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: pageUrl(ROUTES.quizResult, { attemptId: 501 }) }));
    expect(seen.find((call) => `${call.method} ${call.path}` === SUBMIT)?.body).toEqual({
      answers: [
        { questionId: 1, choice: ['B'] },
        { questionId: 3, choice: ['B'] },
      ],
    });
  });

  it('hands in without asking when every question is answered', async () => {
    const modal = modalAnswers(false);
    const seen = fakeApi({ 'GET /quiz/attempts/501': ok(attemptView()), [SUBMIT]: ok(attemptResultView(), 201) });
    saveDraft(501, { answers: { 1: ['B'], 2: ['A', 'B'], 3: ['B'] }, clockOffsetMs: 0 });
    render(<AnswerPage />);

    // The answers kept from before the page was closed.
    expect(await screen.findByText('已答 3 / 3')).toBeInTheDocument();
    expect(option('119')).toHaveClass('quiz-option--selected');
    fireEvent.click(screen.getByText('3'));
    fireEvent.click(screen.getByText('提交'));

    await waitFor(() => expect(callsOf(seen)).toContain(SUBMIT));
    expect(modal).not.toHaveBeenCalled();
  });

  it('goes to the result when the attempt was already handed in', async () => {
    fakeApi({ 'GET /quiz/attempts/501': ok({ code: ErrorCode.AttemptSubmitted, message: '本次答题已交卷' }, 409) });
    render(<AnswerPage />);

    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: pageUrl(ROUTES.quizResult, { attemptId: 501 }) }));
    expect(Taro.showToast).not.toHaveBeenCalled();
  });
});
