import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { authResult, DASHIKOU, JINGCAI_TECH, meView } from '../../../test/fixtures';
import { findInput } from '../../../test/dom';
import { onWechat } from '../../../test/platform-env';
import { privacyNotYetAgreed } from '../../../test/privacy-gate';
import { callsOf, fakeApi } from '../../../test/fake-api';
import { ROUTES } from '../../routes';
import { setCurrentUser } from '../../services/session';
import { saveTokens } from '../../services/tokens';
import ProfilePage from '.';

describe('ProfilePage', () => {
  beforeEach(() => {
    const worker = meView({ consentRequired: false });
    saveTokens(authResult(worker));
    setCurrentUser(worker);
  });

  it('refuses an empty name with a Chinese message and sends nothing', () => {
    const seen = fakeApi({});
    render(<ProfilePage />);

    fireEvent.click(screen.getByText('快递员'));
    fireEvent.click(screen.getByText('保存'));

    expect(screen.getByText('请填写真实姓名')).toBeInTheDocument();
    expect(seen).toHaveLength(0);
  });

  it('asks for a category and checks the ID number before saving', async () => {
    const seen = fakeApi({});
    const { container } = render(<ProfilePage />);

    fireEvent.input(await findInput(container, '请输入真实姓名'), { target: { value: '张伟' } });
    fireEvent.input(await findInput(container, '办理入会'), { target: { value: '110105194912310021' } });
    fireEvent.click(screen.getByText('保存'));

    expect(screen.getByText('请选择职工类别')).toBeInTheDocument();
    expect(screen.getByText('身份证号格式不正确，请核对后重新输入')).toBeInTheDocument();
    expect(seen).toHaveLength(0);
  });

  it('searches orgs, shows each with its path, and saves the one picked', async () => {
    const saved = meView({
      consentRequired: false,
      realName: '测试职工',
      category: 'courier',
      org: { id: DASHIKOU.id, name: DASHIKOU.name, kind: DASHIKOU.kind },
    });
    const seen = fakeApi({
      'GET /orgs': { statusCode: 200, data: { items: [DASHIKOU, JINGCAI_TECH], total: 2, page: 1, pageSize: 20 } },
      'PATCH /me': { statusCode: 200, data: saved },
    });
    const { container } = render(<ProfilePage />);

    fireEvent.input(await findInput(container, '请输入真实姓名'), { target: { value: ' 测试职工 ' } });
    fireEvent.click(screen.getByText('快递员'));
    fireEvent.input(await findInput(container, '搜索工会名称'), { target: { value: '大市口' } });

    expect(await screen.findByText(JINGCAI_TECH.path)).toBeInTheDocument();
    fireEvent.click(screen.getByText(DASHIKOU.path));

    // Picked: the search results give way to the choice, shown with its place in the tree.
    expect(screen.queryByText(JINGCAI_TECH.path)).not.toBeInTheDocument();
    expect(container.querySelector('.org-picker__current')).toHaveTextContent(DASHIKOU.name);

    fireEvent.click(screen.getByText('保存'));

    await waitFor(() => expect(Taro.switchTab).toHaveBeenCalledWith({ url: ROUTES.me }));
    expect(callsOf(seen)).toEqual([`GET /orgs?q=大市口&pageSize=20`, 'PATCH /me']);
    expect(seen[1].body).toEqual({ realName: '测试职工', category: 'courier', orgId: DASHIKOU.id });
  });

  it('shows the verified org as current and the asked-for one as pending, and keeps the request on save', async () => {
    const verified = { id: JINGCAI_TECH.id, name: JINGCAI_TECH.name, kind: JINGCAI_TECH.kind };
    const asked = { id: DASHIKOU.id, name: DASHIKOU.name, kind: DASHIKOU.kind };
    const worker = meView({
      consentRequired: false,
      realName: '测试职工',
      category: 'courier',
      org: verified,
      requestedOrg: asked,
    });
    setCurrentUser(worker);
    const seen = fakeApi({ 'PATCH /me': { statusCode: 200, data: worker } });
    render(<ProfilePage />);

    expect(screen.getByText(`当前：${JINGCAI_TECH.name}`)).toBeInTheDocument();
    expect(screen.getByText(`待审核：${DASHIKOU.name}`)).toBeInTheDocument();

    fireEvent.click(screen.getByText('保存'));
    await waitFor(() => expect(Taro.switchTab).toHaveBeenCalledWith({ url: ROUTES.me }));
    expect(seen[0].body).toMatchObject({ orgId: DASHIKOU.id });
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '资料已保存', icon: 'success' });
  });

  it('says a newly chosen org was sent for review', async () => {
    const worker = meView({ consentRequired: false, realName: '测试职工', category: 'courier' });
    setCurrentUser(worker);
    fakeApi({
      'GET /orgs': { statusCode: 200, data: { items: [DASHIKOU], total: 1, page: 1, pageSize: 20 } },
      'PATCH /me': {
        statusCode: 200,
        data: { ...worker, requestedOrg: { id: DASHIKOU.id, name: DASHIKOU.name, kind: DASHIKOU.kind } },
      },
    });
    const { container } = render(<ProfilePage />);
    expect(screen.getByText('当前：未加入')).toBeInTheDocument();

    fireEvent.input(await findInput(container, '搜索工会名称'), { target: { value: '大市口' } });
    fireEvent.click(await screen.findByText(DASHIKOU.path));
    fireEvent.click(screen.getByText('保存'));

    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith({ title: '已提交审核', icon: 'success' }));
  });

  it('warns that changing a verified category needs a new review', () => {
    setCurrentUser(meView({ consentRequired: false, realName: '测试职工', category: 'courier', gigVerified: true }));
    fakeApi({});
    render(<ProfilePage />);
    expect(screen.queryByText('更换类别后，新就业形态认证需重新审核')).not.toBeInTheDocument();
    fireEvent.click(screen.getByText('外卖骑手'));
    expect(screen.getByText('更换类别后，新就业形态认证需重新审核')).toBeInTheDocument();
  });

  it('says so when no org matches', async () => {
    fakeApi({ 'GET /orgs': { statusCode: 200, data: { items: [], total: 0, page: 1, pageSize: 20 } } });
    const { container } = render(<ProfilePage />);

    fireEvent.input(await findInput(container, '搜索工会名称'), { target: { value: '不存在' } });

    expect(await screen.findByText('没有找到匹配的工会组织')).toBeInTheDocument();
  });

  it('shows the masked phone, or 未绑定, where WeChat phone binding is unavailable', () => {
    fakeApi({});
    const { unmount } = render(<ProfilePage />);
    expect(screen.getByText('未绑定')).toBeInTheDocument();
    unmount();

    setCurrentUser(meView({ consentRequired: false, phone: '138****1234' }));
    render(<ProfilePage />);
    expect(screen.getByText('138****1234')).toBeInTheDocument();
    expect(screen.queryByText('绑定')).not.toBeInTheDocument();
  });

  describe('phone number (WeChat)', () => {
    /** The NutUI button around the text, as Taro renders it. */
    const phoneButton = () => screen.getByText('绑定').closest('taro-button-core') as HTMLElement & { openType?: string };

    it('asks for privacy agreement through our popup first, then offers the real getPhoneNumber button', async () => {
      await onWechat(async () => {
        privacyNotYetAgreed();
        fakeApi({});
        render(<ProfilePage />);
        await waitFor(() => expect(Taro.getPrivacySetting).toHaveBeenCalled());
        expect(phoneButton().openType).toBeUndefined();

        fireEvent.click(screen.getByText('绑定'));
        expect(await screen.findByText(/本次操作需要使用你的手机号/)).toBeInTheDocument();
        const agree = screen.getByText('同意').closest('taro-button-core')!;
        act(() => {
          agree.dispatchEvent(new Event('agreeprivacyauthorization'));
        });

        await waitFor(() => expect(phoneButton().openType).toBe('getPhoneNumber'));
        expect(Taro.showToast).toHaveBeenCalledWith({ title: '已同意，请再次点击绑定', icon: 'none' });
        expect(screen.queryByText('隐私保护提示')).not.toBeInTheDocument();
      });
    });

    it('says why in Chinese when the worker refuses, and keeps the plain button', async () => {
      await onWechat(async () => {
        privacyNotYetAgreed();
        const modal = jest.spyOn(Taro, 'showModal').mockResolvedValue({ confirm: true, cancel: false, errMsg: 'showModal:ok' });
        fakeApi({});
        render(<ProfilePage />);

        fireEvent.click(screen.getByText('绑定'));
        fireEvent.click(await screen.findByText('拒绝'));

        await waitFor(() => expect(modal).toHaveBeenCalledTimes(1));
        expect((modal.mock.calls[0][0] as { content: string }).content).toContain('无法绑定手机号');
        expect(phoneButton().openType).toBeUndefined();
      });
    });

    it('shows the getPhoneNumber button at once when the worker already agreed', async () => {
      await onWechat(async () => {
        jest.spyOn(Taro, 'getPrivacySetting').mockImplementation((option = {}) => {
          option.success?.({ needAuthorization: false, privacyContractName: '《京彩职工隐私保护指引》', errMsg: 'getPrivacySetting:ok' });
        });
        fakeApi({});
        render(<ProfilePage />);

        await waitFor(() => expect(phoneButton().openType).toBe('getPhoneNumber'));
      });
    });
  });
});
