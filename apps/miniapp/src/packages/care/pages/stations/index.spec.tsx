import { fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { Page, StationView } from '@jingcai/shared';
import { authResult, DASHIKOU_STATION, DEVZONE_STATION, meView, ZHENGDONG_STATION } from '../../../../../test/fixtures';
import { callsOf, fakeApi } from '../../../../../test/fake-api';
import { pageUrl, ROUTES } from '../../../../routes';
import { saveTokens } from '../../../../services/tokens';
import StationsPage from '.';

function page(items: StationView[], total = items.length, pageNo = 1): Page<StationView> {
  return { items, total, page: pageNo, pageSize: 20 };
}

describe('StationsPage', () => {
  beforeEach(() => saveTokens(authResult(meView({ consentRequired: false }))));

  it('asks for the stations near the worker and shows distance, hours and amenities', async () => {
    jest.spyOn(Taro, 'getLocation').mockResolvedValue({
      latitude: 32.2047,
      longitude: 119.4551,
      accuracy: 30,
      altitude: 0,
      horizontalAccuracy: 30,
      speed: 0,
      verticalAccuracy: 0,
      errMsg: 'getLocation:ok',
    });
    const seen = fakeApi({
      'GET /care/stations': {
        statusCode: 200,
        data: page([
          { ...DASHIKOU_STATION, distanceMeters: 350 },
          { ...ZHENGDONG_STATION, distanceMeters: 1234 },
        ]),
      },
    });
    render(<StationsPage />);

    expect(await screen.findByText('350 米')).toBeInTheDocument();
    expect(screen.getByText('1.2 公里')).toBeInTheDocument();
    expect(screen.getByText('按离你的距离由近到远排列')).toBeInTheDocument();
    expect(screen.getByText('开放时间：08:00-20:00')).toBeInTheDocument();
    expect(screen.getAllByText('饮水')).toHaveLength(2);
    expect(screen.getByText('微波炉')).toBeInTheDocument();
    expect(callsOf(seen)).toEqual(['GET /care/stations?lat=32.2047&lng=119.4551&page=1&pageSize=20']);

    fireEvent.click(screen.getByText(ZHENGDONG_STATION.name));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: pageUrl(ROUTES.careStation, { id: ZHENGDONG_STATION.id }) });
  });

  it('lists without a position when there is none, says so, and loads more on request', async () => {
    jest.spyOn(Taro, 'getLocation').mockRejectedValue({ errMsg: 'getLocation:fail auth deny' });
    const first = Array.from({ length: 20 }, (_, i) => ({ ...DASHIKOU_STATION, id: 100 + i, name: `驿站 ${i + 1}` }));
    const seen = fakeApi({
      'GET /care/stations': (request) => ({
        statusCode: 200,
        data: request.path.includes('page=2') ? page([DEVZONE_STATION], 21, 2) : page(first, 21),
      }),
    });
    render(<StationsPage />);

    expect(await screen.findByText('未能获取你的位置，无法按距离排列')).toBeInTheDocument();
    expect(screen.queryByText('米', { exact: false })).not.toBeInTheDocument();
    fireEvent.click(screen.getByText('加载更多'));

    expect(await screen.findByText(DEVZONE_STATION.name)).toBeInTheDocument();
    expect(screen.getByText('没有更多服务站了')).toBeInTheDocument();
    expect(callsOf(seen)).toEqual(['GET /care/stations?page=1&pageSize=20', 'GET /care/stations?page=2&pageSize=20']);
  });
});
