import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { authResult, meView } from '../../../../../test/fixtures';
import { callsOf, fakeApi } from '../../../../../test/fake-api';
import { pageUrl, ROUTES } from '../../../../routes';
import { saveTokens } from '../../../../services/tokens';
import { LAWYER, page, questionSummary } from '../../legal-fixtures';
import { ok, refused } from '../../legal-spec-helpers';
import WorkbenchPage from '.';

const late = questionSummary({
  id: 82,
  title: '公司不给交社保合法吗',
  category: 'social_insurance',
  status: 'assigned',
  assignee: LAWYER,
  overdue: true,
  dueAt: '2026-11-20T02:05:00Z',
});
const onTime = questionSummary({ status: 'assigned', assignee: LAWYER, dueAt: '2026-11-27T02:05:00Z' });

describe('WorkbenchPage', () => {
  beforeEach(() => saveTokens(authResult(meView({ id: LAWYER.id, consentRequired: false, roles: ['lawyer'] }))));

  it('lists the inbox with asker, answerer and due date, the overdue rows highlighted', async () => {
    const seen = fakeApi({ 'GET /legal/inbox': ok(page([late, onTime])) });
    const { container } = render(<WorkbenchPage />);

    expect(screen.getByText('加载中…')).toBeInTheDocument();
    expect(await screen.findByText('公司不给交社保合法吗')).toBeInTheDocument();
    expect(screen.getByText('共 2 条')).toBeInTheDocument();
    const rows = container.querySelectorAll('.legal-inbox-row');
    expect(rows[0]).toHaveClass('legal-inbox-row--overdue');
    expect(rows[0]).toHaveTextContent('已超期');
    expect(rows[1]).not.toHaveClass('legal-inbox-row--overdue');
    expect(screen.getByText('答复期限：2026年11月20日 10:05')).toHaveClass('legal-inbox-row__due');
    expect(screen.getAllByText('提问人：孙磊 · 解答人：王律师')).toHaveLength(2);
    expect(callsOf(seen)).toEqual(['GET /legal/inbox?page=1&pageSize=20']);

    fireEvent.click(screen.getByText('公司不给交社保合法吗'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: pageUrl(ROUTES.legalQuestion, { id: 82 }) });
  });

  it('filters by status and to the overdue ones', async () => {
    const seen = fakeApi({
      'GET /legal/inbox': (request) => ok(page(request.path.includes('overdue=true') ? [late] : [late, onTime])),
    });
    const { container } = render(<WorkbenchPage />);
    await screen.findByText('公司不给交社保合法吗');

    const tab = (label: string) => Array.from(container.querySelectorAll('.legal-workbench__status')).find((node) => node.textContent === label);
    fireEvent.click(tab('待解答') as Element);
    await waitFor(() => expect(callsOf(seen)).toHaveLength(2));
    fireEvent.click(screen.getByText('只看超期'));

    await waitFor(() => expect(container.querySelectorAll('.legal-inbox-row')).toHaveLength(1));
    expect(screen.getByRole('checkbox', { name: '只看超期' })).toBeChecked();
    expect(screen.getByRole('radio', { name: '待解答' })).toBeChecked();
    expect(screen.getByRole('radio', { name: '全部' })).not.toBeChecked();
    expect(callsOf(seen)).toEqual([
      'GET /legal/inbox?page=1&pageSize=20',
      'GET /legal/inbox?status=assigned&page=1&pageSize=20',
      'GET /legal/inbox?status=assigned&overdue=true&page=1&pageSize=20',
    ]);

    // Off again: the filter is left out rather than sent as false.
    fireEvent.click(screen.getByText('只看超期'));
    await waitFor(() => expect(callsOf(seen)).toHaveLength(4));
    expect(callsOf(seen)[3]).toBe('GET /legal/inbox?status=assigned&page=1&pageSize=20');
  });

  it('says so when nothing matches, and offers a retry on errors', async () => {
    let asked = 0;
    fakeApi({
      'GET /legal/inbox': () => {
        asked += 1;
        return asked === 1 ? refused(403, 'FORBIDDEN', '没有权限进行此操作') : ok(page([]));
      },
    });
    render(<WorkbenchPage />);

    fireEvent.click(await screen.findByText('重试'));

    expect(await screen.findByText('没有符合条件的咨询')).toBeInTheDocument();
  });

  it('loads the next page on 加载更多', async () => {
    const seen = fakeApi({
      'GET /legal/inbox': (request) => ok(request.path.includes('page=2') ? page([late], 2, 2) : page([onTime], 2)),
    });
    render(<WorkbenchPage />);

    fireEvent.click(await screen.findByText('加载更多'));

    expect(await screen.findByText('公司不给交社保合法吗')).toBeInTheDocument();
    expect(callsOf(seen)).toEqual(['GET /legal/inbox?page=1&pageSize=20', 'GET /legal/inbox?page=2&pageSize=20']);
  });
});
