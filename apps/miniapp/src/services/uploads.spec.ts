import Taro from '@tarojs/taro';
import { ErrorCode, type UploadView } from '@jingcai/shared';
import { authResult, meView } from '../../test/fixtures';
import { callsOf, fakeApi } from '../../test/fake-api';
import { ApiError, NETWORK_ERROR } from './request';
import { loadTokens, saveTokens } from './tokens';
import { uploadImage } from './uploads';

const uploaded: UploadView = { id: 'upl_1', url: 'http://api.test/api/uploads/upl_1?sig=x', contentType: 'image/jpeg', size: 900, width: 40, height: 30 };
const renewed = authResult(meView({ consentRequired: false }), 'renewed');

describe(uploadImage.name, () => {
  beforeEach(() => saveTokens(authResult(meView(), 'old')));

  it('sends the file as `file` with its purpose and the access token, and parses the JSON answer', async () => {
    const seen = fakeApi({ 'POST /uploads': { statusCode: 201, data: uploaded } });

    await expect(uploadImage('blob:http://localhost/1', 'membership_proof')).resolves.toEqual(uploaded);

    expect(seen[0]).toMatchObject({
      body: { filePath: 'blob:http://localhost/1', name: 'file', formData: { purpose: 'membership_proof' } },
      authorization: 'Bearer access-old',
    });
  });

  it('turns the error envelope into an ApiError and shows its message', async () => {
    fakeApi({
      'POST /uploads': { statusCode: 400, data: { code: ErrorCode.NotAnImage, message: '只能上传 JPG、PNG、WebP 或 GIF 图片' } },
    });

    const error: unknown = await uploadImage('wxfile://tmp/a.txt', 'membership_proof').catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, code: ErrorCode.NotAnImage });
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '只能上传 JPG、PNG、WebP 或 GIF 图片', icon: 'none' });
  });

  it('renews an expired token once and uploads again', async () => {
    const seen = fakeApi({
      'POST /uploads': (request) =>
        request.authorization === `Bearer ${renewed.accessToken}`
          ? { statusCode: 201, data: uploaded }
          : { statusCode: 401, data: { code: ErrorCode.TokenExpired, message: '登录已过期，请重新登录' } },
      'POST /auth/refresh': { statusCode: 200, data: renewed },
    });

    await expect(uploadImage('wxfile://tmp/a.jpg', 'membership_proof')).resolves.toEqual(uploaded);

    expect(callsOf(seen)).toEqual(['POST /uploads', 'POST /auth/refresh', 'POST /uploads']);
    expect(loadTokens()?.accessToken).toBe(renewed.accessToken);
  });

  it('reports a body that is not JSON (a proxy refusing a large file) as a server error', async () => {
    fakeApi({ 'POST /uploads': { statusCode: 413, data: '<html>413 Request Entity Too Large</html>' } });

    await expect(uploadImage('wxfile://tmp/big.jpg', 'membership_proof')).rejects.toMatchObject({
      status: 413,
      code: ErrorCode.Internal,
    });
  });

  it('reports a failed upload as a network error', async () => {
    jest.spyOn(Taro, 'uploadFile').mockRejectedValue({ errMsg: 'uploadFile:fail timeout' });

    await expect(uploadImage('wxfile://tmp/a.jpg', 'membership_proof')).rejects.toMatchObject({ code: NETWORK_ERROR });
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '网络连接失败，请检查网络后重试', icon: 'none' });
  });
});
