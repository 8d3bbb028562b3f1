import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { authResult, meView } from '../../../../../test/fixtures';
import { findInput } from '../../../../../test/dom';
import { fakeApi } from '../../../../../test/fake-api';
import { openedWith } from '../../../../../test/router';
import { pageUrl, ROUTES } from '../../../../routes';
import { setCurrentUser } from '../../../../services/session';
import { saveTokens } from '../../../../services/tokens';
import { BIRTHDAY, eventView, NOTE, SHIRT, signupView, YEARS } from '../../events-fixtures';
import EventSignupPage from '.';

const ok = (data: unknown, statusCode = 200) => ({ statusCode, data });
const withForm = eventView({ form: [SHIRT, NOTE, YEARS, BIRTHDAY] });

describe('EventSignupPage', () => {
  beforeEach(() => {
    Taro.clearStorageSync();
    const me = meView({ consentRequired: false });
    saveTokens(authResult(me));
    setCurrentUser(me);
    openedWith({ id: '21' });
  });

  it('draws each staff-chosen field by its type, and a full session cannot be chosen', async () => {
    fakeApi({ 'GET /events/21': ok(withForm) });
    const { container } = render(<EventSignupPage />);

    expect(await screen.findByText('衣服尺码')).toBeInTheDocument();
    for (const option of ['M', 'L', 'XL']) expect(screen.getByRole('button', { name: option })).toHaveAttribute('aria-pressed', 'false');
    expect(screen.getByText('备注（选填）')).toBeInTheDocument();
    expect(await findInput(container, '请填写备注')).toBeInTheDocument();
    expect(await findInput(container, '请填写 0–50 之间的数字')).toBeInTheDocument();
    // Inside Taro's picker element, which jsdom's role queries skip: found by its name.
    expect(await screen.findByLabelText('出生日期：请选择日期')).toHaveTextContent('请选择日期');
    expect(screen.getByRole('radio', { name: /8:30–9:00.*已满/ })).toHaveAttribute('aria-disabled', 'true');
    // No child block outside childcare events.
    expect(screen.queryByText('孩子信息')).not.toBeInTheDocument();
  });

  it('keeps what was filled in as a draft across a closed page', async () => {
    fakeApi({ 'GET /events/21': ok(withForm) });
    const first = render(<EventSignupPage />);
    fireEvent.click(await screen.findByRole('button', { name: 'L' }));
    fireEvent.input(await findInput(first.container, '请填写 0–50'), { target: { value: '12' } });
    first.unmount();

    const again = render(<EventSignupPage />);
    expect(await screen.findByRole('button', { name: 'L' })).toHaveAttribute('aria-pressed', 'true');
    const years = await findInput(again.container, '请填写 0–50');
    await waitFor(() => expect(years.value).toBe('12'));
  });

  it('refuses to send with a required answer missing, then sends the session, answers and child, and opens the ticket', async () => {
    const childcare = eventView({ kind: 'childcare', requiresChild: true, form: [SHIRT] });
    const seen = fakeApi({
      'GET /events/21': ok(childcare),
      'POST /events/21/signups': ok(signupView({ id: 777 }), 201),
    });
    const { container } = render(<EventSignupPage />);
    expect(await screen.findByText('孩子信息')).toBeInTheDocument();

    fireEvent.click(screen.getByText('提交报名'));
    expect(await screen.findByText('请选择场次')).toBeInTheDocument();
    expect(screen.getByText('衣服尺码：请填写此项')).toBeInTheDocument();
    expect(screen.getByText('请填写孩子姓名')).toBeInTheDocument();
    expect(seen.some((call) => call.method === 'POST')).toBe(false);

    fireEvent.click(screen.getByRole('radio', { name: /^8:00–8:30/ }));
    fireEvent.click(screen.getByRole('button', { name: 'XL' }));
    fireEvent.input(await findInput(container, '请填写孩子姓名'), { target: { value: ' 张小明 ' } });
    fireEvent.input(await findInput(container, '请填写孩子年龄'), { target: { value: '8' } });
    fireEvent.input(await findInput(container, '请填写监护人姓名'), { target: { value: '张师傅' } });
    fireEvent.click(screen.getByText('提交报名'));

    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: pageUrl(ROUTES.eventsTicket, { id: 777 }) }));
    expect(seen.find((call) => call.method === 'POST')?.body).toEqual({
      sessionId: 301,
      answers: [{ key: 'shirt_size', value: 'XL' }],
      child: { name: '张小明', age: 8, guardian: '张师傅' },
    });
    // Sent: the draft is gone.
    expect(Taro.getStorageSync('jingcai.draft.7.event-signup-21')).toBe('');
  });

  it('shows the API’s refusal beside the form', async () => {
    fakeApi({
      'GET /events/21': ok(eventView()),
      'POST /events/21/signups': { statusCode: 409, data: { code: 'EVENT_FULL', message: '名额已满' } },
    });
    render(<EventSignupPage />);
    fireEvent.click(await screen.findByRole('radio', { name: /^8:00–8:30/ }));
    fireEvent.click(screen.getByText('提交报名'));
    expect(await screen.findByText('名额已满')).toBeInTheDocument();
    expect(Taro.redirectTo).not.toHaveBeenCalled();
  });
});
