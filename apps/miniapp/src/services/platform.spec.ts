import Taro from '@tarojs/taro';
import { onWechat } from '../../test/platform-env';
import { arrayBufferToBase64, getLocation, openLocation } from './platform';

const located = { latitude: 32.2047, longitude: 119.4551, accuracy: 30, altitude: 0, horizontalAccuracy: 30, speed: 0, verticalAccuracy: 0, errMsg: 'getLocation:ok' };
const place = { latitude: 32.2047, longitude: 119.4551, name: '大市口户外劳动者服务站', address: '中山东路 88 号' };

describe(getLocation.name, () => {
  it('asks WeChat for GCJ-02 and a browser for WGS-84 (all Taro supports there)', async () => {
    const spy = jest.spyOn(Taro, 'getLocation').mockResolvedValue(located);

    await expect(getLocation()).resolves.toEqual({ latitude: 32.2047, longitude: 119.4551 });
    expect(spy).toHaveBeenLastCalledWith({ type: 'wgs84' });
    await onWechat(() => getLocation());
    expect(spy).toHaveBeenLastCalledWith({ type: 'gcj02' });
  });

  it('answers null when the worker refuses', async () => {
    jest.spyOn(Taro, 'getLocation').mockRejectedValue({ errMsg: 'getLocation:fail auth deny' });

    await expect(getLocation()).resolves.toBeNull();
  });
});

describe(openLocation.name, () => {
  it("opens WeChat's map on the place", async () => {
    const open = jest.spyOn(Taro, 'openLocation').mockResolvedValue({ errMsg: 'openLocation:ok' });

    await onWechat(() => openLocation(place));

    expect(open).toHaveBeenCalledWith({ ...place, scale: 16 });
  });

  it('shows the address in a browser', async () => {
    const modal = jest.spyOn(Taro, 'showModal').mockResolvedValue({ confirm: true, cancel: false, errMsg: 'showModal:ok' });
    const open = jest.spyOn(Taro, 'openLocation');

    await openLocation(place);

    expect(modal).toHaveBeenCalledWith(expect.objectContaining({ title: place.name, content: expect.stringContaining(place.address) }));
    expect(open).not.toHaveBeenCalled();
  });
});

describe(arrayBufferToBase64.name, () => {
  it("encodes an ArrayBuffer with Taro's H5 implementation, which cannot take one directly", () => {
    const bytes = Uint8Array.from([0x89, 0x50, 0x4e, 0x47]).buffer;

    expect(Taro.arrayBufferToBase64(bytes)).toBe('');
    expect(arrayBufferToBase64(bytes)).toBe('iVBORw==');
  });
});
