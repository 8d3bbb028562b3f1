import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { LegalQuestionView } from '@jingcai/shared';
import { authResult, meView } from '../../../../../test/fixtures';
import { callsOf, fakeApi, type FakeResponse } from '../../../../../test/fake-api';
import { openedWith } from '../../../../../test/router';
import { setCurrentUser } from '../../../../services/session';
import { saveTokens } from '../../../../services/tokens';
import { answeredQuestion, answerMessage, askerMessage, ASKER_ID, LAWYER, questionView } from '../../legal-fixtures';
import { findTextarea, nutButton, ok, refused } from '../../legal-spec-helpers';
import QuestionPage from '.';

const FOLLOW_UP = '考勤记录在老板手里，我拿不到怎么办？';
const worker = meView({ id: ASKER_ID, consentRequired: false, realName: '孙磊' });
const lawyer = meView({ id: LAWYER.id, consentRequired: false, realName: '王明', roles: ['lawyer'] });

function signedInAs(user = worker) {
  saveTokens(authResult(user));
  setCurrentUser(user);
}

/** GET /legal/questions/81 answers with each view in turn, then keeps the last. */
function questionsInTurn(...views: LegalQuestionView[]): () => FakeResponse {
  let asked = 0;
  return () => ok(views[Math.min(asked++, views.length - 1)]);
}

const bubbles = (container: HTMLElement, side: 'own' | 'theirs') =>
  Array.from(container.querySelectorAll(`.legal-message--${side} .legal-message__body`)).map((node) => node.textContent);

describe('QuestionPage', () => {
  beforeEach(() => openedWith({ id: '81' }));

  it('shows the asker the thread: own messages on the right, the answer on the left under the lawyer’s name', async () => {
    signedInAs();
    // Late for the union, which the worker is not told.
    const seen = fakeApi({ 'GET /legal/questions/81': ok(answeredQuestion({ overdue: true, dueAt: '2026-11-27T02:05:00Z' })) });
    const { container } = render(<QuestionPage />);

    expect(screen.getByText('加载中…')).toBeInTheDocument();
    expect(await screen.findByText('工地老板拖欠三个月工资怎么办')).toBeInTheDocument();
    expect(screen.getByText('欠薪讨薪')).toBeInTheDocument();
    expect(screen.getByText('已解答')).toBeInTheDocument();
    expect(screen.getByText('解答人：王律师')).toBeInTheDocument();
    expect(bubbles(container, 'own')).toEqual([askerMessage().body]);
    expect(bubbles(container, 'theirs')).toEqual([answerMessage().body]);
    expect(container.querySelector('.legal-message--theirs .legal-message__author')).toHaveTextContent('王律师');
    expect(screen.queryByText('已超期')).not.toBeInTheDocument();
    expect(screen.queryByText(/答复期限/)).not.toBeInTheDocument();
    expect(screen.queryByText(/137/)).not.toBeInTheDocument();
    expect(screen.getByText('结束咨询并评价')).toBeInTheDocument();
    expect(callsOf(seen)).toEqual(['GET /legal/questions/81']);
  });

  it('sends a follow-up, shows it, and shows the question re-opened', async () => {
    signedInAs();
    const reopened = answeredQuestion({
      status: 'assigned',
      messages: [askerMessage(), answerMessage(), askerMessage({ id: 303, body: FOLLOW_UP })],
    });
    const seen = fakeApi({
      'GET /legal/questions/81': questionsInTurn(answeredQuestion(), reopened),
      'POST /legal/questions/81/messages': ok(askerMessage({ id: 303, body: FOLLOW_UP }), 201),
    });
    const { container } = render(<QuestionPage />);
    await screen.findByText('已解答');

    fireEvent.input(await findTextarea(container), { target: { value: ` ${FOLLOW_UP} ` } });
    fireEvent.click(screen.getByText('发送'));

    expect(await screen.findByText('待解答')).toBeInTheDocument();
    expect(bubbles(container, 'own')).toEqual([askerMessage().body, FOLLOW_UP]);
    expect(seen.find((call) => call.method === 'POST')?.body).toEqual({ body: FOLLOW_UP });
    expect(await findTextarea(container)).toHaveValue('');
    expect(callsOf(seen)).toEqual(['GET /legal/questions/81', 'POST /legal/questions/81/messages', 'GET /legal/questions/81']);
  });

  it('shows a question closed meanwhile when a follow-up is refused with 409, and offers nothing more to send', async () => {
    signedInAs();
    fakeApi({
      'GET /legal/questions/81': questionsInTurn(answeredQuestion(), answeredQuestion({ status: 'closed', rating: 4 })),
      'POST /legal/questions/81/messages': refused(409, 'QUESTION_CLOSED', '咨询已结束，不能再追问'),
    });
    const { container } = render(<QuestionPage />);
    await screen.findByText('已解答');

    fireEvent.input(await findTextarea(container), { target: { value: FOLLOW_UP } });
    fireEvent.click(screen.getByText('发送'));

    expect(await screen.findByText('咨询已结束')).toBeInTheDocument();
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '咨询已结束，不能再追问', icon: 'none' });
    expect(screen.getByText('已结束')).toBeInTheDocument();
    expect(screen.queryByText('发送')).not.toBeInTheDocument();
    expect(screen.queryByText('结束咨询并评价')).not.toBeInTheDocument();
  });

  it('refuses an empty follow-up without sending it', async () => {
    signedInAs();
    const seen = fakeApi({ 'GET /legal/questions/81': ok(answeredQuestion()) });
    render(<QuestionPage />);

    fireEvent.click(await screen.findByText('发送'));

    expect(Taro.showToast).toHaveBeenCalledWith({ title: '请填写追问内容', icon: 'none' });
    expect(callsOf(seen)).toEqual(['GET /legal/questions/81']);
  });

  it('closes with five stars and a comment, then shows the rating and no composer', async () => {
    signedInAs();
    let answer: (response: FakeResponse) => void = () => undefined;
    const closed = answeredQuestion({ status: 'closed', rating: 5, ratingComment: '律师很耐心，谢谢工会' });
    const seen = fakeApi({
      'GET /legal/questions/81': ok(answeredQuestion()),
      'POST /legal/questions/81/close': () => new Promise<FakeResponse>((resolve) => (answer = resolve)),
    });
    const { container } = render(<QuestionPage />);

    fireEvent.click(await screen.findByText('结束咨询并评价'));
    fireEvent.click(screen.getByText('提交评价'));
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '请为本次解答打分', icon: 'none' });

    fireEvent.click(container.querySelectorAll('.legal-star')[4]);
    expect(container.querySelectorAll('.legal-star--on')).toHaveLength(5);
    expect(screen.getByText('非常满意')).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: '5 星，非常满意' })).toBeChecked();
    expect(screen.getByRole('radio', { name: '4 星，满意' })).not.toBeChecked();
    fireEvent.input(await findTextarea(container), { target: { value: ' 律师很耐心，谢谢工会 ' } });
    fireEvent.click(screen.getByText('提交评价'));
    await waitFor(() => expect(nutButton(screen.getByText('提交评价'))).toHaveClass('nut-button-disabled'));
    answer(ok(closed));

    expect(await screen.findByText('咨询已结束')).toBeInTheDocument();
    expect(seen.find((call) => call.path === '/legal/questions/81/close')?.body).toEqual({ rating: 5, comment: '律师很耐心，谢谢工会' });
    expect(screen.getByText('已结束')).toBeInTheDocument();
    expect(screen.getByText('律师很耐心，谢谢工会')).toBeInTheDocument();
    expect(container.querySelectorAll('.legal-question__rating .legal-star--on')).toHaveLength(5);
    expect(container.querySelector('textarea')).toBeNull();
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '感谢您的评价', icon: 'success' });
  });

  it('leaves out an empty comment, and goes back to the thread on 再想想', async () => {
    signedInAs();
    const seen = fakeApi({
      'GET /legal/questions/81': ok(answeredQuestion()),
      'POST /legal/questions/81/close': ok(answeredQuestion({ status: 'closed', rating: 3 })),
    });
    const { container } = render(<QuestionPage />);

    fireEvent.click(await screen.findByText('结束咨询并评价'));
    fireEvent.click(screen.getByText('再想想'));
    expect(screen.getByText('发送')).toBeInTheDocument();

    fireEvent.click(screen.getByText('结束咨询并评价'));
    fireEvent.click(container.querySelectorAll('.legal-star')[2]);
    fireEvent.click(screen.getByText('提交评价'));

    expect(await screen.findByText('咨询已结束')).toBeInTheDocument();
    expect(seen.find((call) => call.path === '/legal/questions/81/close')?.body).toEqual({ rating: 3 });
  });

  it('shows the API’s refusal to close a question nobody has answered, and the question as it stands', async () => {
    signedInAs();
    const seen = fakeApi({
      'GET /legal/questions/81': questionsInTurn(answeredQuestion(), questionView({ status: 'assigned', assignee: LAWYER })),
      'POST /legal/questions/81/close': refused(409, 'QUESTION_NOT_ANSWERED', '律师答复后才能结束咨询'),
    });
    const { container } = render(<QuestionPage />);

    fireEvent.click(await screen.findByText('结束咨询并评价'));
    fireEvent.click(container.querySelectorAll('.legal-star')[3]);
    fireEvent.click(screen.getByText('提交评价'));

    expect(await screen.findByText('待解答')).toBeInTheDocument();
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '律师答复后才能结束咨询', icon: 'none' });
    expect(screen.queryByText('结束咨询并评价')).not.toBeInTheDocument();
    expect(callsOf(seen)).toEqual(['GET /legal/questions/81', 'POST /legal/questions/81/close', 'GET /legal/questions/81']);
  });

  it('offers no 结束咨询 before the first answer', async () => {
    signedInAs();
    fakeApi({ 'GET /legal/questions/81': ok(questionView()) });
    render(<QuestionPage />);

    expect(await screen.findByText('正在为您分配律师或工作人员')).toBeInTheDocument();
    expect(screen.getByText('待分配')).toBeInTheDocument();
    expect(screen.getByText('发送')).toBeInTheDocument();
    expect(screen.queryByText('结束咨询并评价')).not.toBeInTheDocument();
  });

  it('gives the assignee the asker, the due date, the overdue mark and an answer composer', async () => {
    signedInAs(lawyer);
    // The union sees the asker's messages under 咨询人, not 我.
    const asked = askerMessage({ authorName: '咨询人' });
    const assigned = questionView({
      status: 'assigned',
      assignee: LAWYER,
      overdue: true,
      dueAt: '2026-11-27T02:05:00Z',
      messages: [asked],
    });
    const answer = answerMessage({ id: 310, body: '可以申请劳动仲裁，工会可为您提供法律援助。' });
    const seen = fakeApi({
      'GET /legal/questions/81': questionsInTurn(assigned, { ...assigned, status: 'answered', overdue: false, messages: [asked, answer] }),
      'POST /legal/questions/81/messages': ok(answer, 201),
    });
    const { container } = render(<QuestionPage />);

    expect(await screen.findByText('已超期')).toBeInTheDocument();
    expect(screen.getByText('提问人：孙磊 · 大市口街道工会 · 137****5678')).toBeInTheDocument();
    expect(screen.getByText('答复期限：2026年11月27日 10:05')).toHaveClass('legal-question__due--overdue');
    // For the union the asker is the other side.
    expect(bubbles(container, 'theirs')).toEqual([askerMessage().body]);
    expect(container.querySelector('.legal-message__author')).toHaveTextContent('咨询人');
    expect(screen.queryByText('结束咨询并评价')).not.toBeInTheDocument();

    fireEvent.input(await findTextarea(container), { target: { value: answer.body } });
    fireEvent.click(screen.getByText('发送解答'));

    expect(await screen.findByText('已解答')).toBeInTheDocument();
    expect(bubbles(container, 'own')).toEqual([answer.body]);
    expect(screen.queryByText('已超期')).not.toBeInTheDocument();
    expect(seen.find((call) => call.method === 'POST')?.body).toEqual({ body: answer.body });
  });

  it('lets other staff read without answering', async () => {
    const staff = meView({ id: 3, consentRequired: false, roles: ['staff'] });
    signedInAs(staff);
    fakeApi({ 'GET /legal/questions/81': ok(questionView({ status: 'assigned', assignee: LAWYER })) });
    const { container } = render(<QuestionPage />);

    expect(await screen.findByText('本咨询由 王律师 解答')).toBeInTheDocument();
    expect(container.querySelector('textarea')).toBeNull();
  });

  it('asks who is signed in when the page opens first (a reload)', async () => {
    saveTokens(authResult(worker));
    const seen = fakeApi({ 'GET /legal/questions/81': ok(answeredQuestion()), 'GET /me': ok(worker) });
    render(<QuestionPage />);

    expect(await screen.findByText('结束咨询并评价')).toBeInTheDocument();
    expect(callsOf(seen).sort()).toEqual(['GET /legal/questions/81', 'GET /me']);
  });

  it('says so, without a toast, when the question is not mine to see', async () => {
    signedInAs();
    fakeApi({ 'GET /legal/questions/81': refused(404, 'NOT_FOUND', '内容不存在或已删除') });
    render(<QuestionPage />);

    expect(await screen.findByText('该咨询不存在，或您无权查看')).toBeInTheDocument();
    expect(Taro.showToast).not.toHaveBeenCalled();
  });

  it('offers a retry when loading fails', async () => {
    signedInAs();
    let asked = 0;
    fakeApi({
      'GET /legal/questions/81': () => {
        asked += 1;
        return asked === 1 ? refused(500, 'INTERNAL_ERROR', '服务器开小差了，请稍后再试') : ok(questionView());
      },
    });
    render(<QuestionPage />);

    fireEvent.click(await screen.findByText('重试'));

    expect(await screen.findByText('工地老板拖欠三个月工资怎么办')).toBeInTheDocument();
  });
});
