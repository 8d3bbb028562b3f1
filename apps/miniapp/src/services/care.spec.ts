import Taro from '@tarojs/taro';
import { ErrorCode } from '@jingcai/shared';
import { authResult, meView } from '../../test/fixtures';
import { fakeApi } from '../../test/fake-api';
import { onWechat } from '../../test/platform-env';
import { claimQrCode, pickupCodeFromScan, pickupCodeFromScene, redeemCode } from './care';
import { ApiError } from './request';
import { saveTokens } from './tokens';

/** The first bytes of a PNG and of a JPEG, enough to tell them apart. */
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).buffer;
const JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]).buffer;

describe(claimQrCode.name, () => {
  beforeEach(() => saveTokens(authResult(meView({ consentRequired: false }))));

  it('fetches the image as bytes with the token and a plain QR code on H5, and gives a data URI', async () => {
    const seen = fakeApi({ 'GET /care/claims/41/qrcode': { statusCode: 200, data: PNG } });

    await expect(claimQrCode(41)).resolves.toBe('data:image/png;base64,iVBORw0KGgo=');

    expect(seen[0]).toMatchObject({
      path: '/care/claims/41/qrcode?platform=h5',
      responseType: 'arraybuffer',
      authorization: 'Bearer access-1',
    });
  });

  it('asks for the mini-program code on WeChat, and labels a JPEG as one', async () => {
    jest.spyOn(Taro, 'arrayBufferToBase64').mockImplementation((buffer: ArrayBuffer) => Buffer.from(buffer).toString('base64'));
    const seen = fakeApi({ 'GET /care/claims/41/qrcode': { statusCode: 200, data: JPEG } });

    const uri = await onWechat(() => claimQrCode(41));

    expect(uri).toBe('data:image/jpeg;base64,/9j/4AAQ');
    expect(seen[0].path).toBe('/care/claims/41/qrcode?platform=weapp');
  });

  it('reads the error envelope out of the bytes and leaves showing it to the page', async () => {
    fakeApi({ 'GET /care/claims/41/qrcode': { statusCode: 404, data: { code: ErrorCode.NotFound, message: '内容不存在或已删除' } } });

    const error: unknown = await claimQrCode(41).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 404, code: ErrorCode.NotFound, message: '内容不存在或已删除' });
    expect(Taro.showToast).not.toHaveBeenCalled();
  });

  it('renews an expired token and fetches the image again', async () => {
    const renewed = authResult(meView({ consentRequired: false }), 'renewed');
    fakeApi({
      'GET /care/claims/41/qrcode': (request) =>
        request.authorization === 'Bearer access-renewed'
          ? { statusCode: 200, data: PNG }
          : { statusCode: 401, data: { code: ErrorCode.TokenExpired, message: '登录已过期，请重新登录' } },
      'POST /auth/refresh': { statusCode: 200, data: renewed },
    });

    await expect(claimQrCode(41)).resolves.toBe('data:image/png;base64,iVBORw0KGgo=');
  });
});

describe(pickupCodeFromScan.name, () => {
  it('takes a plain QR code text as the code, whatever the case, spaces or dashes', () => {
    expect(pickupCodeFromScan({ result: 'K7QH3M9P' })).toBe('K7QH3M9P');
    expect(pickupCodeFromScan({ result: ' k7qh-3m9p ' })).toBe('K7QH3M9P');
  });

  it('takes the scene out of a mini-program code path, encoded or not', () => {
    expect(pickupCodeFromScan({ result: '', path: 'packages/care/pages/redeem/index?scene=K7QH3M9P' })).toBe('K7QH3M9P');
    expect(pickupCodeFromScan({ result: '*whatever*', path: 'packages/care/pages/redeem/index?a=1&scene=k7qh%2D3m9p' })).toBe(
      'K7QH3M9P',
    );
    expect(pickupCodeFromScan({ result: 'https://example.test/redeem?scene=K7QH3M9P&x=1' })).toBe('K7QH3M9P');
  });

  it('finds nothing in other codes', () => {
    expect(pickupCodeFromScan({ result: 'https://example.test/' })).toBeNull();
    expect(pickupCodeFromScan({ result: '6901234567892' })).toBeNull();
    expect(pickupCodeFromScan({ result: 'K7QH3M9O' })).toBeNull(); // O is not in the alphabet
    expect(pickupCodeFromScan({ result: '', path: 'pages/home/index?scene=' })).toBeNull();
  });
});

describe(pickupCodeFromScene.name, () => {
  it('decodes and normalises a page scene option', () => {
    expect(pickupCodeFromScene('k7qh%203m9p')).toBe('K7QH3M9P');
    expect(pickupCodeFromScene('K7QH3M9P')).toBe('K7QH3M9P');
    expect(pickupCodeFromScene('%E0%A4%A')).toBe('%E0%A4%A');
  });
});

describe(redeemCode.name, () => {
  beforeEach(() => saveTokens(authResult(meView({ consentRequired: false, roles: ['worker', 'staff'] }))));

  it('sends the code normalised', async () => {
    const seen = fakeApi({ 'POST /care/redemptions': { statusCode: 201, data: {} } });

    await redeemCode(' k7qh 3m9p');

    expect(seen[0].body).toEqual({ code: 'K7QH3M9P' });
  });
});
