import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { ClientConfigView, UploadView } from '@jingcai/shared';
import { applicationView, authResult, meView, RIDERS_UNION } from '../../../../../test/fixtures';
import { findInput } from '../../../../../test/dom';
import { callsOf, fakeApi, type FakeResponse } from '../../../../../test/fake-api';
import { ROUTES } from '../../../../routes';
import { setCurrentUser } from '../../../../services/session';
import { saveTokens } from '../../../../services/tokens';
import ApplyPage from '.';

const worker = meView({ consentRequired: false, realName: '孙磊' });
const config: ClientConfigView = { subscribeTemplates: { application_reviewed: 'tmpl-reviewed' } };
const proofUpload: UploadView = {
  id: 'upl_proof_1',
  url: 'http://api.test/api/uploads/upl_proof_1?sig=x',
  contentType: 'image/jpeg',
  size: 2048,
  width: 600,
  height: 800,
};
const ok = (data: unknown, statusCode = 200): FakeResponse => ({ statusCode, data });

/** The API a worker with no application yet sees, plus whatever the test adds. */
function api(extra: Parameters<typeof fakeApi>[0] = {}) {
  return fakeApi({
    'GET /config/client': ok(config),
    'GET /membership/applications/mine': ok([]),
    'GET /orgs': ok({ items: [RIDERS_UNION], total: 1, page: 1, pageSize: 20 }),
    ...extra,
  });
}

async function fillNameAndPhone(container: HTMLElement, phone = '13712345678') {
  fireEvent.input(await findInput(container, '请输入真实姓名'), { target: { value: '孙磊' } });
  fireEvent.input(await findInput(container, '请输入 11 位手机号'), { target: { value: phone } });
}

async function pickRidersUnion(container: HTMLElement) {
  fireEvent.input(await findInput(container, '搜索工会名称'), { target: { value: '外卖骑手' } });
  fireEvent.click(await screen.findByText(RIDERS_UNION.path));
}

function chooseImageGives(path: string) {
  jest.spyOn(Taro, 'chooseImage').mockResolvedValue({
    tempFilePaths: [path],
    tempFiles: [{ path, size: 2048, type: 'image/jpeg', originalFileObj: undefined }],
    errMsg: 'chooseImage:ok',
  });
}

/** Runs `action` as the WeChat build would, where the subscribe prompt exists. */
async function onWechat(action: () => Promise<void>) {
  process.env.TARO_ENV = 'weapp';
  try {
    await action();
  } finally {
    process.env.TARO_ENV = 'h5';
  }
}

describe('ApplyPage', () => {
  beforeEach(() => {
    saveTokens(authResult(worker));
    setCurrentUser(worker);
  });

  it('prefills the name from the profile and leaves the phone empty (the API only has it masked)', async () => {
    api();
    const { container } = render(<ApplyPage />);

    expect(await findInput(container, '请输入真实姓名')).toHaveValue('孙磊');
    expect(await findInput(container, '请输入 11 位手机号')).toHaveValue(null);
  });

  it('refuses a gig worker without platform and proof photo, in Chinese, and sends nothing', async () => {
    const seen = api();
    const { container } = render(<ApplyPage />);
    await fillNameAndPhone(container);
    await pickRidersUnion(container);

    fireEvent.click(screen.getByText('外卖骑手'));
    fireEvent.click(screen.getByText('提交申请'));

    expect(screen.getByText('请选择或填写所在平台')).toBeInTheDocument();
    expect(screen.getByText('请上传平台工作证明照片')).toBeInTheDocument();
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '请选择或填写所在平台', icon: 'none' });
    expect(callsOf(seen).filter((call) => call.startsWith('POST'))).toEqual([]);
  });

  it('refuses a regular worker with neither an org nor the name of an unlisted one', async () => {
    const seen = api();
    const { container } = render(<ApplyPage />);
    await fillNameAndPhone(container, '1371234567');
    fireEvent.click(screen.getByText('企业职工'));

    fireEvent.click(screen.getByText('提交申请'));
    expect(screen.getByText('请选择所属工会，或勾选“我的单位不在列表中”')).toBeInTheDocument();
    expect(screen.getByText('请输入正确的 11 位手机号')).toBeInTheDocument();
    // Regular workers are not asked for a platform or a photo.
    expect(screen.queryByText('所在平台')).not.toBeInTheDocument();
    expect(screen.queryByText('请上传平台工作证明照片')).not.toBeInTheDocument();

    fireEvent.click(screen.getByText('我的单位不在列表中'));
    fireEvent.click(screen.getByText('提交申请'));
    expect(screen.getByText('请填写单位或工会名称')).toBeInTheDocument();
    expect(callsOf(seen).filter((call) => call.startsWith('POST'))).toEqual([]);
  });

  it('uploads the proof photo, asks for the subscribe message first, then submits and shows 待审核', async () => {
    // Rendered as the WeChat build: the template ids are fetched there only.
    await onWechat(async () => {
      const order: string[] = [];
      jest.spyOn(Taro, 'requestSubscribeMessage').mockImplementation((option: { tmplIds: string[] }) => {
        order.push(`subscribe ${option.tmplIds.join(',')}`);
        return Promise.resolve({ errMsg: 'requestSubscribeMessage:ok' });
      });
      chooseImageGives('wxfile://tmp/proof.jpg');
      const seen = api({
        'POST /uploads': ok(proofUpload, 201),
        'POST /membership/applications': () => {
          order.push('POST /membership/applications');
          return ok(applicationView(), 201);
        },
      });
      const { container } = render(<ApplyPage />);
      await fillNameAndPhone(container);
      fireEvent.click(screen.getByText('外卖骑手'));
      await pickRidersUnion(container);
      fireEvent.click(screen.getByText('美团'));
      expect(await findInput(container, '其他平台请直接输入')).toHaveValue('美团');

      fireEvent.click(screen.getByText('上传照片'));
      expect(await screen.findByText('删除')).toBeInTheDocument();
      expect(container.querySelector('.photo-picker__image')).toHaveAttribute('src', 'wxfile://tmp/proof.jpg');
      const uploadCall = seen.find((call) => call.path === '/uploads');
      expect(uploadCall?.body).toEqual({ filePath: 'wxfile://tmp/proof.jpg', name: 'file', formData: { purpose: 'membership_proof' } });
      expect(uploadCall?.authorization).toBe('Bearer access-1');

      fireEvent.click(screen.getByText('提交申请'));
      // Still inside the tap, before anything was awaited: WeChat shows the prompt only then.
      expect(order).toEqual(['subscribe tmpl-reviewed']);
      expect(await screen.findByText('待审核')).toBeInTheDocument();

      expect(order).toEqual(['subscribe tmpl-reviewed', 'POST /membership/applications']);
      expect(seen.find((call) => call.path === '/membership/applications')?.body).toEqual({
        realName: '孙磊',
        phone: '13712345678',
        orgId: RIDERS_UNION.id,
        category: 'delivery_rider',
        platform: '美团',
        proofPhotoId: proofUpload.id,
      });
      expect(screen.getByText('审核中，工会审核后会通过消息通知你')).toBeInTheDocument();
    });
  });

  it('submits anyway when the worker refuses the subscribe message', async () => {
    // Rendered as the WeChat build: the template ids are fetched there only.
    await onWechat(async () => {
      jest.spyOn(Taro, 'requestSubscribeMessage').mockRejectedValue({ errMsg: 'requestSubscribeMessage:fail cancel' });
      const seen = api({ 'POST /membership/applications': ok(applicationView({ category: 'regular', platform: null }), 201) });
      const { container } = render(<ApplyPage />);
      await fillNameAndPhone(container);
      fireEvent.click(screen.getByText('企业职工'));
      fireEvent.click(screen.getByText('我的单位不在列表中'));
      fireEvent.input(await findInput(container, '请输入单位或工会名称'), { target: { value: ' 京口某某物流公司 ' } });

      fireEvent.click(screen.getByText('提交申请'));
      expect(await screen.findByText('待审核')).toBeInTheDocument();

      expect(Taro.requestSubscribeMessage).toHaveBeenCalledTimes(1);
      expect(seen.find((call) => call.path === '/membership/applications')?.body).toEqual({
        realName: '孙磊',
        phone: '13712345678',
        orgNotListed: '京口某某物流公司',
        category: 'regular',
      });
    });
  });

  it('does not ask for a subscribe message on H5, which has none', async () => {
    const subscribe = jest.spyOn(Taro, 'requestSubscribeMessage');
    api({ 'POST /membership/applications': ok(applicationView({ category: 'regular', platform: null }), 201) });
    const { container } = render(<ApplyPage />);
    await fillNameAndPhone(container);
    fireEvent.click(screen.getByText('企业职工'));
    fireEvent.click(screen.getByText('我的单位不在列表中'));
    fireEvent.input(await findInput(container, '请输入单位或工会名称'), { target: { value: '京口某某物流公司' } });

    fireEvent.click(screen.getByText('提交申请'));

    expect(await screen.findByText('待审核')).toBeInTheDocument();
    expect(subscribe).not.toHaveBeenCalled();
  });

  it('shows a pending application with its submitted time instead of the form', async () => {
    api({ 'GET /membership/applications/mine': ok([applicationView()]) });
    render(<ApplyPage />);

    expect(await screen.findByText('待审核')).toBeInTheDocument();
    expect(screen.getByText('审核中，工会审核后会通过消息通知你')).toBeInTheDocument();
    // 02:05 UTC is 10:05 in Shanghai.
    expect(screen.getByText('提交时间：2026年11月24日 10:05')).toBeInTheDocument();
    expect(screen.queryByText('提交申请')).not.toBeInTheDocument();
  });

  it('shows an approved application with the member number and opens the member card', async () => {
    api({
      'GET /membership/applications/mine': ok([
        applicationView({ status: 'approved', memberNo: 'JK2026000123', decidedAt: '2026-11-25T01:00:00Z' }),
        applicationView({ id: 20, status: 'rejected', rejectReason: '证明照片不清晰' }),
      ]),
    });
    render(<ApplyPage />);

    expect(await screen.findByText('已通过')).toBeInTheDocument();
    expect(screen.getByText('会员编号：JK2026000123')).toBeInTheDocument();
    expect(screen.queryByText(/证明照片不清晰/)).not.toBeInTheDocument();

    fireEvent.click(screen.getByText('查看会员证'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: ROUTES.memberCard });
  });

  it('shows why an application was rejected, and 重新申请 reopens the form prefilled', async () => {
    const rejected = applicationView({
      status: 'rejected',
      realName: '孙小磊',
      org: null,
      orgNotListed: '京口某某配送站',
      rejectReason: '证明照片不清晰',
      decidedAt: '2026-11-25T01:00:00Z',
    });
    api({ 'GET /membership/applications/mine': ok([rejected]) });
    const { container } = render(<ApplyPage />);

    expect(await screen.findByText('未通过')).toBeInTheDocument();
    expect(screen.getByText('原因：证明照片不清晰')).toBeInTheDocument();

    fireEvent.click(screen.getByText('重新申请'));

    expect(await findInput(container, '请输入真实姓名')).toHaveValue('孙小磊');
    expect(await findInput(container, '请输入单位或工会名称')).toHaveValue('京口某某配送站');
    expect(await findInput(container, '其他平台请直接输入')).toHaveValue('美团');
    expect(await findInput(container, '请输入 11 位手机号')).toHaveValue(null);
    expect(screen.getByRole('radio', { name: '外卖骑手' })).toBeChecked();
    expect(screen.getByRole('radio', { name: '美团' })).toBeChecked();
    expect(screen.getByText('上次申请未通过：证明照片不清晰')).toBeInTheDocument();
    // The photo cannot come back from the API: it has to be uploaded again.
    expect(screen.getByText('上传照片')).toBeInTheDocument();
  });

  it('tells a member who never applied online that there is nothing to apply for', async () => {
    setCurrentUser(meView({ consentRequired: false, membership: 'member', memberNo: 'JK2025000001' }));
    api();
    render(<ApplyPage />);

    expect(await screen.findByText('你已是工会会员')).toBeInTheDocument();
    expect(screen.queryByText('提交申请')).not.toBeInTheDocument();
  });

  it('offers a retry when the applications cannot be loaded', async () => {
    let attempts = 0;
    api({
      'GET /membership/applications/mine': () => {
        attempts += 1;
        return attempts === 1 ? { statusCode: 500, data: { code: 'INTERNAL_ERROR', message: '服务器开小差了，请稍后再试' } } : ok([]);
      },
    });
    render(<ApplyPage />);

    fireEvent.click(await screen.findByText('重试'));

    await waitFor(() => expect(screen.getByText('提交申请')).toBeInTheDocument());
  });
});
