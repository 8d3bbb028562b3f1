import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { authResult, DASHIKOU_STATION, meView } from '../../../../../../test/fixtures';
import { fakeApi } from '../../../../../../test/fake-api';
import { openedWith } from '../../../../../../test/router';
import { saveTokens } from '../../../../../services/tokens';
import StationDetailPage from '.';

describe('StationDetailPage', () => {
  beforeEach(() => {
    saveTokens(authResult(meView({ consentRequired: false })));
    openedWith({ id: String(DASHIKOU_STATION.id) });
  });

  it('shows the address and coordinates in place of a map in a browser, and the address for 导航', async () => {
    const modal = jest.spyOn(Taro, 'showModal').mockResolvedValue({ confirm: true, cancel: false, errMsg: 'showModal:ok' });
    fakeApi({ 'GET /care/stations/1': { statusCode: 200, data: DASHIKOU_STATION } });
    const { container } = render(<StationDetailPage />);

    expect(await screen.findByText('大市口户外劳动者服务站')).toBeInTheDocument();
    expect(container.querySelector('.station-map--text')).toHaveTextContent('中山东路 88 号');
    expect(screen.getByText('位置：北纬 32.2047°，东经 119.4551°')).toBeInTheDocument();
    expect(screen.getByText('管理单位：大市口街道工会')).toBeInTheDocument();
    expect(screen.getByText('卫生间')).toBeInTheDocument();

    fireEvent.click(screen.getByText('导航'));
    await waitFor(() => expect(modal).toHaveBeenCalledWith(expect.objectContaining({ title: '大市口户外劳动者服务站' })));
  });
});
