import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { NotificationPage, NotificationView } from '@jingcai/shared';
import { authResult, meView, notificationView } from '../../../../../test/fixtures';
import { callsOf, fakeApi } from '../../../../../test/fake-api';
import { ROUTES } from '../../../../routes';
import { saveTokens } from '../../../../services/tokens';
import InboxPage from '.';

const approved = notificationView();
const rejected = notificationView({
  id: 2,
  kind: 'application_rejected',
  title: '入会申请未通过',
  body: '原因：证明照片不清晰。',
  page: '/packages/membership/pages/apply/index',
  read: true,
  createdAt: '2026-11-23T09:00:00Z',
});

function page(items: NotificationView[], overrides: Partial<NotificationPage> = {}): NotificationPage {
  return { items, total: items.length, unread: items.filter((item) => !item.read).length, page: 1, pageSize: 20, ...overrides };
}

describe('InboxPage', () => {
  beforeEach(() => saveTokens(authResult(meView({ consentRequired: false }))));

  it('lists notifications with title, body, Shanghai time, and a dot on the unread ones', async () => {
    const seen = fakeApi({ 'GET /notifications': { statusCode: 200, data: page([approved, rejected]) } });
    const { container } = render(<InboxPage />);

    expect(await screen.findByText('入会申请已通过')).toBeInTheDocument();
    expect(screen.getByText('恭喜你成为工会会员，会员编号 JK2026000123。')).toBeInTheDocument();
    expect(screen.getByText('2026年11月24日 10:05')).toBeInTheDocument();
    expect(screen.getByText('入会申请未通过')).toBeInTheDocument();
    expect(screen.getByText('1 条未读')).toBeInTheDocument();
    expect(container.querySelectorAll('.notifications__dot')).toHaveLength(1);
    expect(callsOf(seen)).toEqual(['GET /notifications?page=1&pageSize=20']);
  });

  it('says so when there are none', async () => {
    fakeApi({ 'GET /notifications': { statusCode: 200, data: page([]) } });
    render(<InboxPage />);

    expect(await screen.findByText('暂无消息')).toBeInTheDocument();
  });

  it('marks everything read', async () => {
    const seen = fakeApi({
      'GET /notifications': { statusCode: 200, data: page([approved, { ...rejected, read: false }]) },
      'POST /notifications/read': { statusCode: 201, data: { unread: 0 } },
    });
    const { container } = render(<InboxPage />);
    expect(await screen.findByText('2 条未读')).toBeInTheDocument();

    fireEvent.click(screen.getByText('全部已读'));

    expect(await screen.findByText('没有未读消息')).toBeInTheDocument();
    expect(container.querySelectorAll('.notifications__dot')).toHaveLength(0);
    expect(seen[1]).toMatchObject({ method: 'POST', path: '/notifications/read', body: {} });
  });

  it('marks a tapped notification read and opens its page (named with or without the leading slash)', async () => {
    const seen = fakeApi({
      'GET /notifications': { statusCode: 200, data: page([approved, rejected]) },
      'POST /notifications/read': { statusCode: 201, data: { unread: 0 } },
    });
    const { container } = render(<InboxPage />);

    fireEvent.click(await screen.findByText('入会申请已通过'));

    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: ROUTES.memberCard });
    await waitFor(() => expect(seen[1]).toMatchObject({ method: 'POST', path: '/notifications/read', body: { ids: [approved.id] } }));
    expect(container.querySelectorAll('.notifications__dot')).toHaveLength(0);
    expect(await screen.findByText('没有未读消息')).toBeInTheDocument();

    // An already read one is not marked again.
    fireEvent.click(screen.getByText('入会申请未通过'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: ROUTES.membershipApply });
    expect(callsOf(seen).filter((call) => call === 'POST /notifications/read')).toHaveLength(1);
  });

  it('opens a tab page with switchTab', async () => {
    fakeApi({
      'GET /notifications': { statusCode: 200, data: page([notificationView({ title: '请完善资料', page: 'pages/me/index', read: true })]) },
    });
    render(<InboxPage />);

    fireEvent.click(await screen.findByText('请完善资料'));

    expect(Taro.switchTab).toHaveBeenCalledWith({ url: ROUTES.me });
    expect(Taro.navigateTo).not.toHaveBeenCalled();
  });

  it('loads the next page on request and stops when all are shown', async () => {
    const first = Array.from({ length: 20 }, (_, i) => notificationView({ id: 100 - i, title: `通知 ${100 - i}`, read: true }));
    const seen = fakeApi({
      'GET /notifications': (request) =>
        request.path.includes('page=2')
          ? { statusCode: 200, data: page([rejected], { total: 21, unread: 0, page: 2 }) }
          : { statusCode: 200, data: page(first, { total: 21, unread: 0 }) },
    });
    render(<InboxPage />);

    fireEvent.click(await screen.findByText('加载更多'));

    expect(await screen.findByText('入会申请未通过')).toBeInTheDocument();
    expect(screen.getByText('通知 100')).toBeInTheDocument();
    expect(screen.getByText('没有更多消息了')).toBeInTheDocument();
    expect(callsOf(seen)).toEqual(['GET /notifications?page=1&pageSize=20', 'GET /notifications?page=2&pageSize=20']);
  });
});
