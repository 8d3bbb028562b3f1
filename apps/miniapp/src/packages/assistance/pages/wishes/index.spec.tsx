import { fireEvent, render, screen } from '@testing-library/react';
import { authResult, meView } from '../../../../../test/fixtures';
import { callsOf, fakeApi } from '../../../../../test/fake-api';
import { saveTokens } from '../../../../services/tokens';
import { page } from '../../../legal/legal-fixtures';
import { ok } from '../../../legal/legal-spec-helpers';
import { wallItem } from '../../assistance-fixtures';
import WishWallPage from '.';

const claimed = wallItem({ id: 9, title: '一台电风扇', status: 'claimed', donorLabel: '爱心职工' });

describe('WishWallPage (心愿墙)', () => {
  beforeEach(() => saveTokens(authResult(meView({ consentRequired: false }))));

  it('filters by status with radio chips, the chosen one ticked as well as coloured', async () => {
    fakeApi({ 'GET /assistance/wishes': ok(page([wallItem(), claimed])) });
    render(<WishWallPage />);
    expect(await screen.findByText('一个新书包')).toBeInTheDocument();
    expect(screen.getByRole('radiogroup', { name: '按状态筛选' })).toBeInTheDocument();
    const all = screen.getByRole('radio', { name: '全部' });
    expect(all).toBeChecked();
    expect(all).toHaveClass('jc-tap', 'jc-ticked', 'assistance-chip--active');

    fireEvent.click(screen.getByRole('radio', { name: '已认领' }));

    const chosen = screen.getByRole('radio', { name: '已认领' });
    expect(chosen).toBeChecked();
    expect(chosen).toHaveClass('jc-ticked', 'assistance-chip--active');
    expect(all).not.toBeChecked();
    expect(all).not.toHaveClass('jc-ticked');
    expect(all).not.toHaveClass('assistance-chip--active');
  });

  // A filter is a new `load`: the page shows once, so the new list must come from the change itself.
  it('loads the wall again for the chosen status', async () => {
    const seen = fakeApi({
      'GET /assistance/wishes': (request) =>
        ok(page(request.path.includes('status=claimed') ? [claimed] : [wallItem(), claimed])),
    });
    render(<WishWallPage />);
    expect(await screen.findByText('一个新书包')).toBeInTheDocument();

    fireEvent.click(screen.getByRole('radio', { name: '已认领' }));

    expect(await screen.findByText('一台电风扇')).toBeInTheDocument();
    expect(screen.queryByText('一个新书包')).not.toBeInTheDocument();
    expect(callsOf(seen)).toEqual([
      'GET /assistance/wishes?page=1&pageSize=20',
      'GET /assistance/wishes?page=1&pageSize=20&status=claimed',
    ]);
  });
});
