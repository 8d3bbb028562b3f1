import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { authResult, meView } from '../../../../../test/fixtures';
import { findInput } from '../../../../../test/dom';
import { callsOf, fakeApi } from '../../../../../test/fake-api';
import { openedWith } from '../../../../../test/router';
import { pageUrl, ROUTES } from '../../../../routes';
import { saveTokens } from '../../../../services/tokens';
import { findTextarea, ok, refused } from '../../../legal/legal-spec-helpers';
import { applicationView } from '../../assistance-fixtures';
import ApplyPage from '.';

const SITUATION = '爱人长期患病在家，孩子今年考上高中，家里只有我一人工作。';
const REASONS = '孩子的学费和住宿费一时凑不齐，希望工会帮助。';

async function fillForm(container: HTMLElement) {
  fireEvent.click(screen.getByText('子女助学'));
  fireEvent.input(await findTextarea(container, 0), { target: { value: SITUATION } });
  fireEvent.input(await findInput(container, '共同生活'), { target: { value: '3' } });
  fireEvent.input(await findInput(container, '家庭月总收入'), { target: { value: '1200.5' } });
  fireEvent.input(await findTextarea(container, 1), { target: { value: ` ${REASONS} ` } });
}

const posts = (seen: ReturnType<typeof fakeApi>) =>
  seen.filter((call) => call.method === 'POST' && call.path === '/assistance/applications');

describe('ApplyPage (帮扶申请)', () => {
  beforeEach(() => {
    Taro.clearStorageSync();
    saveTokens(authResult(meView({ id: 7, consentRequired: false })));
    openedWith({});
  });

  it('sends the kind, the family, the income per member and the reasons, then opens the application', async () => {
    const seen = fakeApi({ 'POST /assistance/applications': ok(applicationView({ id: 31 }), 201) });
    const { container } = render(<ApplyPage />);
    await fillForm(container);

    fireEvent.click(screen.getByText('提交申请'));

    await waitFor(() =>
      expect(Taro.redirectTo).toHaveBeenCalledWith({ url: pageUrl(ROUTES.assistanceApplication, { id: 31 }) }),
    );
    expect(posts(seen)).toHaveLength(1);
    expect(posts(seen)[0].body).toEqual({
      kind: 'education',
      familySituation: SITUATION,
      householdSize: 3,
      monthlyIncomePerMember: 1200.5,
      reasons: REASONS,
    });
    const kind = screen.getByRole('radio', { name: '子女助学' });
    expect(kind).toHaveAttribute('aria-checked', 'true');
    // Ticked as well as coloured: not by colour alone.
    expect(kind).toHaveClass('jc-ticked', 'assistance-chip--active');
    expect(screen.getByRole('radio', { name: '医疗救助' })).not.toHaveClass('jc-ticked');
  });

  it('checks every field before sending anything', async () => {
    const seen = fakeApi({});
    const { container } = render(<ApplyPage />);
    fireEvent.input(await findTextarea(container, 0), { target: { value: '生病了' } });
    fireEvent.input(await findInput(container, '共同生活'), { target: { value: '0' } });
    fireEvent.input(await findInput(container, '家庭月总收入'), { target: { value: '12.345' } });

    fireEvent.click(screen.getByText('提交申请'));

    expect(screen.getByText('请选择帮扶类型')).toBeInTheDocument();
    expect(screen.getByText('家庭情况至少 10 字，还差 7 字')).toBeInTheDocument();
    expect(screen.getByText('家庭人口请填写 1–20 人')).toBeInTheDocument();
    expect(screen.getByText('请填写家庭人均月收入（元），最多两位小数')).toBeInTheDocument();
    expect(screen.getByText('请填写申请理由')).toBeInTheDocument();
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '请选择帮扶类型', icon: 'none' });
    expect(callsOf(seen)).toEqual([]);

    // Editing a field takes its complaint away.
    fireEvent.click(screen.getByText('医疗救助'));
    expect(screen.queryByText('请选择帮扶类型')).toBeNull();
  });

  it('keeps the draft when the page closes, and clears it once the application is sent', async () => {
    fakeApi({ 'POST /assistance/applications': ok(applicationView(), 201) });
    const first = render(<ApplyPage />);
    await fillForm(first.container);
    first.unmount();

    const second = render(<ApplyPage />);
    const household = await findInput(second.container, '共同生活');
    await waitFor(() => expect(household.value).toBe('3'));
    expect((await findTextarea(second.container, 0)).value).toBe(SITUATION);
    expect(screen.getByRole('radio', { name: '子女助学' })).toHaveAttribute('aria-checked', 'true');

    fireEvent.click(screen.getByText('提交申请'));
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalled());
    second.unmount();

    const third = render(<ApplyPage />);
    const empty = await findInput(third.container, '共同生活');
    expect(empty.value).toBe('');
  });

  it('stays on the form with what was typed when the API refuses it', async () => {
    fakeApi({
      'POST /assistance/applications': refused(409, 'ASSISTANCE_OPEN_APPLICATION', '已有一份同类帮扶申请正在办理中，请勿重复申请'),
    });
    const { container } = render(<ApplyPage />);
    await fillForm(container);

    fireEvent.click(screen.getByText('提交申请'));

    await waitFor(() =>
      expect(Taro.showToast).toHaveBeenCalledWith({ title: '已有一份同类帮扶申请正在办理中，请勿重复申请', icon: 'none' }),
    );
    expect(Taro.redirectTo).not.toHaveBeenCalled();
    expect((await findInput(container, '共同生活')).value).toBe('3');
  });

  it('opened with ?id= on a returned application: shows the reason and sends the correction back up', async () => {
    openedWith({ id: '31' });
    const returned = applicationView({
      id: 31,
      status: 'returned',
      returnReason: '请补充孩子的录取通知书',
      returnedAt: 'approve',
      documents: [{ id: 'upl_doc1', url: 'https://files.example/doc1.jpg' }],
    });
    const seen = fakeApi({
      'GET /assistance/applications/mine/31': ok(returned),
      'PATCH /assistance/applications/31': ok(applicationView({ id: 31, status: 'checked' })),
    });
    const { container } = render(<ApplyPage />);

    expect(await screen.findByText('退回原因：请补充孩子的录取通知书')).toBeInTheDocument();
    const household = await findInput(container, '共同生活');
    await waitFor(() => expect(household.value).toBe('3'));
    // The kind applied for stays: the others say they cannot be picked, and a tap on one changes nothing.
    const other = screen.getByRole('radio', { name: '医疗救助' });
    expect(other).toHaveAttribute('aria-disabled', 'true');
    fireEvent.click(other);
    expect(other).not.toBeChecked();
    expect(screen.getByRole('radio', { name: '子女助学' })).toBeChecked();
    fireEvent.input(household, { target: { value: '4' } });
    fireEvent.click(screen.getByText('修改后重新提交'));

    await waitFor(() =>
      expect(Taro.redirectTo).toHaveBeenCalledWith({ url: pageUrl(ROUTES.assistanceApplication, { id: 31 }) }),
    );
    const patch = seen.find((call) => call.method === 'PATCH');
    expect(patch?.body).toEqual({
      familySituation: returned.familySituation,
      householdSize: 4,
      monthlyIncomePerMember: 1200,
      reasons: returned.reasons,
      documentUploadIds: ['upl_doc1'],
    });
  });
});
