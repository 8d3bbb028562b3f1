import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { authResult, meView } from '../../../../../../test/fixtures';
import { findInput } from '../../../../../../test/dom';
import { callsOf, fakeApi, type FakeResponse } from '../../../../../../test/fake-api';
import { ROUTES } from '../../../../../routes';
import { saveTokens } from '../../../../../services/tokens';
import { aidApplicationView, legalUpload } from '../../../legal-fixtures';
import { chooseImageGives, findTextarea, nutButton, ok, refused } from '../../../legal-spec-helpers';
import AidApplyPage from '.';

const FACTS = '公司拖欠 2026 年 8 月至 10 月工资共 15600 元，多次催要无果。';
const EMPLOYER = '京口某餐饮管理有限公司';

async function fillForm(container: HTMLElement, amount = '15600.5') {
  fireEvent.click(screen.getByText('法律援助'));
  fireEvent.input(await findTextarea(container), { target: { value: FACTS } });
  fireEvent.input(await findInput(container, '单位全称'), { target: { value: ` ${EMPLOYER} ` } });
  fireEvent.input(await findInput(container, '如拖欠的工资'), { target: { value: amount } });
}

const posts = (seen: ReturnType<typeof fakeApi>) => seen.filter((call) => call.method === 'POST' && call.path === '/legal/aid-applications');

describe('AidApplyPage', () => {
  beforeEach(() => saveTokens(authResult(meView({ consentRequired: false }))));

  it('sends the kind, facts, employer, amount in yuan and photo, disables 提交申请 while sending, and goes back', async () => {
    chooseImageGives('wxfile://tmp/contract.jpg');
    let answer: (response: FakeResponse) => void = () => undefined;
    const seen = fakeApi({
      'POST /uploads': ok(legalUpload('upl_a1'), 201),
      'POST /legal/aid-applications': () => new Promise<FakeResponse>((resolve) => (answer = resolve)),
    });
    const { container } = render(<AidApplyPage />);
    await fillForm(container);
    fireEvent.click(screen.getByText('0 / 6'));
    expect(await screen.findByText('删除')).toBeInTheDocument();
    expect(seen.find((call) => call.path === '/uploads')?.body).toMatchObject({ formData: { purpose: 'legal_photo' } });

    fireEvent.click(screen.getByText('提交申请'));
    await waitFor(() => expect(nutButton(screen.getByText('提交申请'))).toHaveClass('nut-button-disabled'));
    fireEvent.click(screen.getByText('提交申请'));
    answer(ok(aidApplicationView(), 201));

    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: ROUTES.legalAid }));
    expect(posts(seen)).toHaveLength(1);
    expect(posts(seen)[0].body).toEqual({
      kind: 'aid',
      facts: FACTS,
      employer: EMPLOYER,
      amountInDispute: 15600.5,
      photoIds: ['upl_a1'],
    });
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '申请已提交', icon: 'success' });
  });

  it('sends 0 when no amount is claimed, and goes back to the list it came from', async () => {
    jest.spyOn(Taro, 'getCurrentPages').mockReturnValue([{}, {}] as ReturnType<typeof Taro.getCurrentPages>);
    const seen = fakeApi({ 'POST /legal/aid-applications': ok(aidApplicationView(), 201) });
    const { container } = render(<AidApplyPage />);
    await fillForm(container, '');
    fireEvent.click(screen.getByText('劳动争议调解'));

    fireEvent.click(screen.getByText('提交申请'));

    await waitFor(() => expect(Taro.navigateBack).toHaveBeenCalled());
    expect(posts(seen)[0].body).toEqual({ kind: 'mediation', facts: FACTS, employer: EMPLOYER, amountInDispute: 0 });
  });

  it('checks the kind, facts, employer and amount before sending anything', async () => {
    const seen = fakeApi({});
    const { container } = render(<AidApplyPage />);
    fireEvent.input(await findTextarea(container), { target: { value: '拖欠工资' } });
    fireEvent.input(await findInput(container, '如拖欠的工资'), { target: { value: '12.345' } });

    fireEvent.click(screen.getByText('提交申请'));

    expect(screen.getByText('请选择申请类型')).toBeInTheDocument();
    expect(screen.getByText('事实经过至少 10 字，还差 6 字')).toBeInTheDocument();
    expect(screen.getByText('请填写用人单位')).toBeInTheDocument();
    expect(screen.getByText('争议金额请填写 0–2000 万元，最多两位小数')).toBeInTheDocument();
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '请选择申请类型', icon: 'none' });
    expect(callsOf(seen)).toEqual([]);
  });

  it('stays on the form when the API refuses it', async () => {
    fakeApi({ 'POST /legal/aid-applications': refused(400, 'CONTENT_RISKY', '内容含有不适宜公开的信息，请修改后再提交') });
    const { container } = render(<AidApplyPage />);
    await fillForm(container);

    fireEvent.click(screen.getByText('提交申请'));

    await waitFor(() =>
      expect(Taro.showToast).toHaveBeenCalledWith({ title: '内容含有不适宜公开的信息，请修改后再提交', icon: 'none' }),
    );
    await waitFor(() => expect(nutButton(screen.getByText('提交申请'))).not.toHaveClass('nut-button-disabled'));
    expect(Taro.redirectTo).not.toHaveBeenCalled();
    expect(Taro.navigateBack).not.toHaveBeenCalled();
  });
});
