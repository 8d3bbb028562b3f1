import { fireEvent, render, screen } from '@testing-library/react';
import { authResult, meView } from '../../../test/fixtures';
import { callsOf, fakeApi } from '../../../test/fake-api';
import { saveTokens } from '../../services/tokens';
import ConsoleCodePage from '.';

const inFiveMinutes = () => new Date(Date.now() + 5 * 60_000).toISOString();

describe('ConsoleCodePage', () => {
  beforeEach(() => saveTokens(authResult(meView({ roles: ['worker', 'staff'] }))));

  it('shows a fresh one-time code with its countdown, and gets a new one on request', async () => {
    const seen = fakeApi({
      'POST /auth/console-code': { statusCode: 201, data: { code: '20261124', expiresAt: inFiveMinutes() } },
    });
    render(<ConsoleCodePage />);
    expect(await screen.findByText('20261124')).toBeInTheDocument();
    expect(screen.getByText(/输入以上 8 位登录码（[45]:\d\d 后失效/)).toBeInTheDocument();

    fireEvent.click(screen.getByText('重新获取'));
    expect(await screen.findByText('20261124')).toBeInTheDocument();
    expect(callsOf(seen).filter((call) => call === 'POST /auth/console-code')).toHaveLength(2);
  });

  it('says so when the code could not be had, with a retry', async () => {
    fakeApi({ 'POST /auth/console-code': { statusCode: 403, data: { code: 'FORBIDDEN', message: '没有权限进行此操作' } } });
    render(<ConsoleCodePage />);
    expect(await screen.findByText('重试')).toBeInTheDocument();
  });
});
