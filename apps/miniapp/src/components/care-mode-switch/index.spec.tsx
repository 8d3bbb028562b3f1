import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { authResult, meView } from '../../../test/fixtures';
import { fakeApi } from '../../../test/fake-api';
import { CARE_MODE_CLASS, useCareModeRoot } from '../../hooks/use-care-mode';
import HomePage from '../../pages/home';
import { setCurrentUser } from '../../services/session';
import { saveTokens } from '../../services/tokens';
import CareModeSwitch from '.';

const worker = meView({ consentRequired: false, realName: '王师傅', careMode: false });

/** The app shell's part: the root class that app.css keys every care-mode size on. */
function Shell() {
  useCareModeRoot();
  return <CareModeSwitch />;
}

describe('长辈模式', () => {
  beforeEach(() => {
    saveTokens(authResult(worker));
    setCurrentUser(worker);
  });
  afterEach(() => act(() => setCurrentUser(null)));

  it('is saved on the profile from 我的 and puts the care class on the document root for every page', async () => {
    const seen = fakeApi({ 'PATCH /me': { statusCode: 200, data: { ...worker, careMode: true } } });
    render(<Shell />);
    expect(document.documentElement).not.toHaveClass(CARE_MODE_CLASS);

    fireEvent.click(screen.getByLabelText('长辈模式'));

    await waitFor(() => expect(document.documentElement).toHaveClass(CARE_MODE_CLASS));
    expect(seen.map((r) => [r.method, r.path, r.body])).toEqual([['PATCH', '/me', { careMode: true }]]);
  });

  it('turns the home page into one big tile per programme with the largest text', async () => {
    const older = { ...worker, careMode: true };
    setCurrentUser(older);
    fakeApi({ 'GET /me': { statusCode: 200, data: older } });
    render(<HomePage />);

    expect(await screen.findByText('你好，王师傅')).toHaveClass('care-largest');
    const tiles = screen.getAllByRole('button', { name: /学习答题|职工读书季|暖新关爱|法律维权|活动报名|困难帮扶/ });
    expect(tiles).toHaveLength(6);
    for (const tile of tiles) expect(tile).toHaveClass('feature-card--large');
    expect(tiles[0].parentElement).toHaveClass('home__features--tiles');
  });

  it('keeps the usual two-column cards when care mode is off', async () => {
    fakeApi({ 'GET /me': { statusCode: 200, data: worker } });
    render(<HomePage />);

    const tile = await screen.findByRole('button', { name: /学习答题/ });
    expect(tile).not.toHaveClass('feature-card--large');
    expect(tile.parentElement).not.toHaveClass('home__features--tiles');
  });
});
