import type { StaffApplicationView } from '@jingcai/shared';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from 'antd';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { assistanceApi } from '../../services/assistance';
import ApplicationPage from './application-page';

// antd renders slowly under jsdom on a shared 2-core machine.
vi.setConfig({ testTimeout: 60_000 });

const session = vi.hoisted(() => ({ consoleRole: 'staff' }));
vi.mock('../../session/session-context', () => ({ useSession: () => session }));
vi.mock('../../services/assistance', () => ({
  assistanceApi: {
    application: vi.fn(),
    visit: vi.fn(),
    check: vi.fn(),
    approve: vi.fn(),
    grant: vi.fn(),
    sendBack: vi.fn(),
    views: vi.fn(),
    uploadPhoto: vi.fn(),
  },
}));
const apiMock = vi.mocked(assistanceApi);

function staffView(overrides: Partial<StaffApplicationView> = {}): StaffApplicationView {
  return {
    id: 31,
    kind: 'education',
    status: 'submitted',
    currentStep: 'check',
    steps: [
      { step: 'check', state: 'current', at: null, returnReason: null },
      { step: 'approve', state: 'waiting', at: null, returnReason: null },
      { step: 'grant', state: 'waiting', at: null, returnReason: null },
    ],
    familySituation: '爱人长期患病在家，孩子今年考上高中。',
    householdSize: 3,
    monthlyIncomePerMember: 1200,
    reasons: '孩子的学费一时凑不齐。',
    documents: [],
    returnReason: null,
    returnedAt: null,
    grant: null,
    filedByStaff: false,
    createdAt: '2026-12-01T02:00:00.000Z',
    updatedAt: '2026-12-01T02:00:00.000Z',
    applicant: { id: 7, name: '王芳', phone: '139****5678', org: { id: 9, name: '京口机械厂工会', kind: 'enterprise' } },
    filedByName: null,
    consentRecordedAt: null,
    visit: null,
    history: [{ action: 'submitted', step: null, byName: '王芳', note: null, at: '2026-12-01T02:00:00.000Z' }],
    actions: ['visit', 'check', 'return'],
    ...overrides,
  };
}

function renderPage() {
  return render(
    <App>
      <MemoryRouter initialEntries={['/assistance/applications/31']}>
        <Routes>
          <Route path="/assistance/applications/:id" element={<ApplicationPage />} />
        </Routes>
      </MemoryRouter>
    </App>,
  );
}

// Role queries walk antd's whole tree, which is slow on a busy machine: buttons are found by their text (antd
// puts a space between the two characters of a two-character label).
const label = (text: string) => (text.length === 2 ? `${text[0]} ${text[1]}` : text);
const button = (text: string) => screen.queryByText(label(text))?.closest('button') ?? null;
const findButton = async (text: string) => (await screen.findByText(label(text))).closest('button') as HTMLElement;
const dialog = () => document.querySelector('.ant-modal') as HTMLElement;
const confirmIn = (text: string) => within(dialog()).getByText(label(text)).closest('button') as HTMLElement;

describe('ApplicationPage (the review)', () => {
  afterEach(cleanup);

  beforeEach(() => {
    vi.clearAllMocks();
    session.consoleRole = 'staff';
    apiMock.application.mockResolvedValue(staffView());
  });

  it('shows the family, the masked phone and only the actions the API allows', async () => {
    renderPage();
    expect(await screen.findByText('爱人长期患病在家，孩子今年考上高中。')).toBeTruthy();
    expect(screen.getByText('139****5678')).toBeTruthy();
    expect(screen.getByText('尚未记录入户走访')).toBeTruthy();
    for (const text of ['记录入户走访', '审核通过', '退回']) expect(button(text)).toBeTruthy();
    expect(button('发放帮扶')).toBeNull();
    expect(button('查看记录')).toBeNull();
    expect(apiMock.application).toHaveBeenCalledWith(31);
  });

  it('checks with an internal note after the confirm, and shows the application as it now stands', async () => {
    apiMock.check.mockResolvedValue(
      staffView({ status: 'checked', currentStep: 'approve', actions: [], history: [] }),
    );
    renderPage();
    fireEvent.click(await findButton('审核通过'));
    fireEvent.change(within(dialog()).getByLabelText(/审核意见/), { target: { value: ' 走访属实 ' } });
    fireEvent.click(confirmIn('确认'));

    await waitFor(() => expect(apiMock.check).toHaveBeenCalledWith(31, { note: '走访属实' }));
    expect(await screen.findByText('待街道审批')).toBeTruthy();
    await waitFor(() => expect(button('审核通过')).toBeNull());
  });

  it('records the home visit: date, who, what was found', async () => {
    apiMock.visit.mockResolvedValue(staffView());
    renderPage();
    fireEvent.click(await findButton('记录入户走访'));
    fireEvent.change(within(dialog()).getByLabelText('走访人员'), { target: { value: '李干事、王主席' } });
    fireEvent.change(within(dialog()).getByLabelText('走访情况'), { target: { value: '家中确有病人，收入属实。' } });
    fireEvent.click(confirmIn('确认'));

    await waitFor(() => expect(apiMock.visit).toHaveBeenCalled());
    const [id, body] = apiMock.visit.mock.calls[0];
    expect(id).toBe(31);
    expect(body).toMatchObject({ visitors: '李干事、王主席', notes: '家中确有病人，收入属实。' });
    expect(body.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('will not send back without a reason; with one, sends it to the worker', async () => {
    apiMock.sendBack.mockResolvedValue(staffView({ status: 'returned', returnReason: '请补充录取通知书', actions: [] }));
    renderPage();
    fireEvent.click(await findButton('退回'));
    fireEvent.click(confirmIn('确认退回'));
    expect(await within(dialog()).findByText('退回必须说明原因', {}, { timeout: 10_000 })).toBeTruthy();
    expect(apiMock.sendBack).not.toHaveBeenCalled();

    fireEvent.change(within(dialog()).getByLabelText(/退回原因/), { target: { value: '请补充录取通知书' } });
    fireEvent.click(confirmIn('确认退回'));
    await waitFor(() => expect(apiMock.sendBack).toHaveBeenCalledWith(31, { reason: '请补充录取通知书' }));
    expect(await screen.findByText('退回原因：请补充录取通知书')).toBeTruthy();
  });

  it('offers nothing to do on an application the viewer may not act on (e.g. their own)', async () => {
    apiMock.application.mockResolvedValue(staffView({ actions: [] }));
    renderPage();
    await screen.findByText('爱人长期患病在家，孩子今年考上高中。');
    for (const text of ['记录入户走访', '审核通过', '退回']) expect(button(text)).toBeNull();
  });

  it('lets an admin read who viewed it', async () => {
    session.consoleRole = 'admin';
    apiMock.views.mockResolvedValue([{ viewerId: 3, viewerName: '李干事', action: 'view', at: '2026-12-02T02:00:00.000Z' }]);
    renderPage();
    fireEvent.click(await findButton('查看记录'));
    expect(await screen.findByText('李干事')).toBeTruthy();
    expect(apiMock.views).toHaveBeenCalledWith(31);
  });
});
