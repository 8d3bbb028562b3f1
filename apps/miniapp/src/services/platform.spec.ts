import Taro from '@tarojs/taro';
import { onWechat } from '../../test/platform-env';
import { arrayBufferToBase64, choosePhotos, getLocation, openLocation } from './platform';

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

describe(choosePhotos.name, () => {
  it('asks for as many photos as are still allowed, and gives none when the worker cancels', async () => {
    const choose = jest.spyOn(Taro, 'chooseImage').mockResolvedValue({
      tempFilePaths: ['wxfile://tmp/a.jpg', 'wxfile://tmp/b.jpg'],
      tempFiles: [],
      errMsg: 'chooseImage:ok',
    });

    await expect(choosePhotos(7)).resolves.toEqual(['wxfile://tmp/a.jpg', 'wxfile://tmp/b.jpg']);
    expect(choose).toHaveBeenCalledWith({ count: 7, sizeType: ['compressed'] });
    await expect(choosePhotos(1)).resolves.toEqual(['wxfile://tmp/a.jpg']);

    choose.mockRejectedValue({ errMsg: 'chooseImage:fail cancel' });
    await expect(choosePhotos(7)).resolves.toEqual([]);
    await expect(choosePhotos(0)).resolves.toEqual([]);
  });
});
