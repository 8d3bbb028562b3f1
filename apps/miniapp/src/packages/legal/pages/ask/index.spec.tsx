import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { authResult, meView } from '../../../../../test/fixtures';
import { findInput } from '../../../../../test/dom';
import { callsOf, fakeApi, type FakeResponse } from '../../../../../test/fake-api';
import { onWechat } from '../../../../../test/platform-env';
import { pageUrl, ROUTES } from '../../../../routes';
import { saveTokens } from '../../../../services/tokens';
import { legalUpload, questionView } from '../../legal-fixtures';
import { chooseImageGives, findTextarea, nutButton, ok, refused } from '../../legal-spec-helpers';
import AskPage from '.';

const TITLE = '工地老板拖欠三个月工资怎么办';
const BODY = '我在工地干了三个月，老板一直拖着不发工资，该怎么办？';

async function fillForm(container: HTMLElement) {
  fireEvent.click(screen.getByText('欠薪讨薪'));
  fireEvent.input(await findInput(container, '一句话说明问题'), { target: { value: ` ${TITLE} ` } });
  fireEvent.input(await findTextarea(container), { target: { value: BODY } });
}

const posts = (seen: ReturnType<typeof fakeApi>) => seen.filter((call) => call.method === 'POST' && call.path === '/legal/questions');

describe('AskPage', () => {
  beforeEach(() => saveTokens(authResult(meView({ consentRequired: false }))));

  it('sends the category, title, body, photo and the publish consent, disables 提交咨询 while sending, and opens the question', async () => {
    chooseImageGives('wxfile://tmp/payslip.jpg');
    let answer: (response: FakeResponse) => void = () => undefined;
    const seen = fakeApi({
      'POST /uploads': ok(legalUpload('upl_l1'), 201),
      'POST /legal/questions': () => new Promise<FakeResponse>((resolve) => (answer = resolve)),
    });
    const { container } = render(<AskPage />);
    expect(screen.getByText('您的咨询仅工会工作人员和指派的律师可见，我们会在 3 个工作日内答复。')).toBeInTheDocument();
    await fillForm(container);
    expect(screen.getByText(`${[...BODY].length} / 3000`)).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: '欠薪讨薪' })).toBeChecked();

    fireEvent.click(screen.getByText('0 / 6'));
    expect(await screen.findByText('删除')).toBeInTheDocument();
    expect(container.querySelector('.photo-picker__image')).toHaveAttribute('src', 'wxfile://tmp/payslip.jpg');
    expect(screen.getByText('1 / 6')).toBeInTheDocument();
    expect(seen.find((call) => call.path === '/uploads')?.body).toMatchObject({ formData: { purpose: 'legal_photo' } });

    const toggle = container.querySelector('.nut-switch');
    expect(toggle).toHaveClass('nut-switch-close');
    fireEvent.click(toggle as Element);
    await waitFor(() => expect(toggle).not.toHaveClass('nut-switch-close'));

    fireEvent.click(screen.getByText('提交咨询'));
    await waitFor(() => expect(nutButton(screen.getByText('提交咨询'))).toHaveClass('nut-button-disabled'));
    fireEvent.click(screen.getByText('提交咨询'));
    answer(ok(questionView(), 201));

    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: pageUrl(ROUTES.legalQuestion, { id: 81 }) }));
    expect(posts(seen)).toHaveLength(1);
    expect(posts(seen)[0].body).toEqual({
      category: 'wage_arrears',
      title: TITLE,
      body: BODY,
      photoIds: ['upl_l1'],
      publicAllowed: true,
    });
  });

  it('asks for the question-answered message on the 提交咨询 tap, before the question is sent (WeChat)', async () => {
    await onWechat(async () => {
      const order: string[] = [];
      jest.spyOn(Taro, 'requestSubscribeMessage').mockImplementation((option: { tmplIds: string[] }) => {
        order.push(`subscribe ${option.tmplIds.join(',')}`);
        return Promise.resolve({ errMsg: 'requestSubscribeMessage:ok' });
      });
      const seen = fakeApi({
        'GET /config/client': ok({ subscribeTemplates: { question_answered: 'tmpl-answered', claim_ready: 'tmpl-ready' } }),
        'POST /legal/questions': () => {
          order.push('POST question');
          return ok(questionView(), 201);
        },
      });
      const { container } = render(<AskPage />);
      await waitFor(() => expect(callsOf(seen)).toContain('GET /config/client'));
      await fillForm(container);

      fireEvent.click(screen.getByText('提交咨询'));
      expect(order).toEqual(['subscribe tmpl-answered']);

      await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: pageUrl(ROUTES.legalQuestion, { id: 81 }) }));
      expect(order).toEqual(['subscribe tmpl-answered', 'POST question']);
    });
  });

  it('asks nothing in a browser, which has no subscribe messages', async () => {
    const subscribe = jest.spyOn(Taro, 'requestSubscribeMessage');
    const seen = fakeApi({ 'POST /legal/questions': ok(questionView(), 201) });
    const { container } = render(<AskPage />);
    await fillForm(container);

    fireEvent.click(screen.getByText('提交咨询'));

    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalled());
    expect(subscribe).not.toHaveBeenCalled();
    expect(callsOf(seen)).toEqual(['POST /legal/questions']);
  });

  it('leaves the photos out and keeps the question private unless the worker says otherwise', async () => {
    const seen = fakeApi({ 'POST /legal/questions': ok(questionView(), 201) });
    const { container } = render(<AskPage />);
    await fillForm(container);

    fireEvent.click(screen.getByText('提交咨询'));

    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalled());
    expect(posts(seen)[0].body).toEqual({ category: 'wage_arrears', title: TITLE, body: BODY, publicAllowed: false });
  });

  it('asks for a type, a title and a long enough description before sending anything', async () => {
    const seen = fakeApi({});
    const { container } = render(<AskPage />);
    fireEvent.input(await findInput(container, '一句话说明问题'), { target: { value: '欠薪' } });
    fireEvent.input(await findTextarea(container), { target: { value: '老板不发工资' } });

    fireEvent.click(screen.getByText('提交咨询'));

    expect(screen.getByText('请选择问题类型')).toBeInTheDocument();
    expect(screen.getByText('标题请写 4–100 字')).toBeInTheDocument();
    expect(screen.getByText('问题描述至少 10 字，还差 4 字')).toBeInTheDocument();
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '请选择问题类型', icon: 'none' });
    expect(callsOf(seen)).toEqual([]);

    // Picking a type clears its complaint.
    fireEvent.click(screen.getByText('工伤认定与赔偿'));
    expect(screen.queryByText('请选择问题类型')).not.toBeInTheDocument();
  });

  it('stays on the form with what was written when the content is refused', async () => {
    fakeApi({ 'POST /legal/questions': refused(400, 'CONTENT_RISKY', '内容含有不适宜公开的信息，请修改后再提交') });
    const { container } = render(<AskPage />);
    await fillForm(container);

    fireEvent.click(screen.getByText('提交咨询'));

    await waitFor(() =>
      expect(Taro.showToast).toHaveBeenCalledWith({ title: '内容含有不适宜公开的信息，请修改后再提交', icon: 'none' }),
    );
    await waitFor(() => expect(nutButton(screen.getByText('提交咨询'))).not.toHaveClass('nut-button-disabled'));
    expect(Taro.redirectTo).not.toHaveBeenCalled();
    expect(await findTextarea(container)).toHaveValue(BODY);
  });

  it('shows the API’s message when it finds the question invalid', async () => {
    fakeApi({ 'POST /legal/questions': refused(400, 'VALIDATION_FAILED', '提交的信息有误，请检查后重试') });
    const { container } = render(<AskPage />);
    await fillForm(container);

    fireEvent.click(screen.getByText('提交咨询'));

    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith({ title: '提交的信息有误，请检查后重试', icon: 'none' }));
    expect(Taro.redirectTo).not.toHaveBeenCalled();
  });
});
