import type { EventView, MeView, OrgTreeNode } from '@jingcai/shared';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { App } from 'antd';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ScopeProvider } from '../../session/scope-context';
import { SessionProvider } from '../../session/session-context';
import { setSession } from '../../session/session-store';
import { toCreateRequest, toFormFields, type EventForm } from './event-form';
import EventEditorPage from './event-editor-page';
import dayjs from 'dayjs';

const user = { id: 2, roles: ['worker', 'staff'], realName: '刘干事' } as MeView;
/** A token whose payload grants staff over org 3 (the console reads grants from it for display). */
const token = `h.${btoa(JSON.stringify({ g: [['staff', 3]] })).replace(/=+$/, '')}.s`;
const tree: OrgTreeNode[] = [
  {
    id: 1,
    name: '京口区总工会',
    kind: 'district',
    children: [{ id: 3, name: '大市口街道工会', kind: 'street', children: [] }],
  } as unknown as OrgTreeNode,
];

const DAY = 24 * 60 * 60 * 1000;
const iso = (days: number) => new Date(Date.now() + days * DAY).toISOString();

function lotteryEvent(overrides: Partial<EventView> = {}): EventView {
  return {
    id: 5,
    title: '暖新一夏爱心暑托班',
    kind: 'childcare',
    description: '为新就业形态劳动者子女提供暑期托管。',
    cover: null,
    venue: '区职工服务中心',
    latitude: 32.2,
    longitude: 119.45,
    ownerOrg: { id: 3, name: '大市口街道工会', kind: 'street' },
    eligibility: { categories: [], gigVerifiedRequired: false, tags: [], membersOnly: false, orgId: 3 },
    allocation: 'lottery',
    signupStartsAt: iso(-1),
    signupEndsAt: iso(5),
    cancelDeadline: iso(20),
    perPersonLimit: 1,
    noShowRule: true,
    offerHours: 24,
    requiresChild: true,
    form: [{ key: 'allergy', label: '过敏情况', type: 'text', required: false }],
    sessions: [{ id: 9, label: '第一期', startsAt: iso(30), endsAt: iso(44), capacity: 40, remaining: 40, signups: 12 }],
    startsAt: iso(30),
    endsAt: iso(44),
    lotterySeed: 'ab'.repeat(32),
    lotteryDrawnAt: null,
    createdAt: iso(-3),
    ...overrides,
  };
}

// Plain selectors: role and label queries over the whole antd form are too slow here.
const titleInput = () => document.querySelector('#title') as HTMLInputElement;
const submitButton = () => document.querySelector('button[type="submit"]') as HTMLButtonElement;
/** Our client always passes fetch a URL string and a string body. */
const text = (value: unknown) => value as string;

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

function renderAt(path: string) {
  return render(
    <App>
      <SessionProvider>
        <MemoryRouter initialEntries={[path]}>
          <ScopeProvider>
            <Routes>
              <Route path="/events/new" element={<EventEditorPage />} />
              <Route path="/events/:id/edit" element={<EventEditorPage />} />
              <Route path="/events/:id" element={<p>活动详情页</p>} />
            </Routes>
          </ScopeProvider>
        </MemoryRouter>
      </SessionProvider>
    </App>,
  );
}

/** The whole editor renders in jsdom; on a shared two-core machine that alone takes seconds. */
const SLOW = { timeout: 60_000 };
const WAIT = { timeout: 20_000 };

describe('EventEditorPage', () => {
  const fetchMock = vi.fn<typeof fetch>();
  const calls = () => fetchMock.mock.calls.map(([url, init]) => ({ url: text(url), method: init?.method ?? 'GET', body: init?.body }));

  beforeEach(() => {
    vi.stubGlobal('fetch', fetchMock);
    setSession({ accessToken: token, refreshToken: 'r', user });
  });
  afterEach(() => {
    // Without vitest globals the library does not unmount between tests: the next test's selectors would find this one's form.
    cleanup();
    fetchMock.mockReset();
    vi.unstubAllGlobals();
    setSession(null);
  });

  it('builds the sign-up form: a choice field asks for its options, and an event without sessions is refused', SLOW, async () => {
    fetchMock.mockImplementation((input) => Promise.resolve(text(input).endsWith('/orgs/tree') ? json(200, tree) : json(404, {})));
    renderAt('/events/new');

    fireEvent.click(await screen.findByText('添加报名问题', {}, WAIT));
    const item = screen.getByText('第 1 项').closest('.ant-card') as HTMLElement;
    expect(within(item).getByLabelText('问题')).toBeTruthy();
    expect(within(item).queryByText('选项（输入后回车）')).toBeNull();

    // Switch the type to 单选: the options input appears.
    fireEvent.mouseDown(within(item).getByLabelText('类型'));
    fireEvent.click(await screen.findByTitle('单选', {}, WAIT));
    expect(await within(item).findByText('选项（输入后回车）', {}, WAIT)).toBeTruthy();

    fireEvent.click(submitButton());
    expect(await screen.findByText('至少添加一个场次', {}, WAIT)).toBeTruthy();
    expect(calls().some((c) => c.method === 'POST')).toBe(false);
  });

  it('edits an event whose sign-up has begun: the rules are locked, the sessions shown, and the form keeps its keys', SLOW, async () => {
    const event = lotteryEvent();
    fetchMock.mockImplementation((input, init) => {
      const url = text(input);
      if (url.endsWith('/orgs/tree')) return Promise.resolve(json(200, tree));
      if (url.endsWith('/events/5') && (init?.method ?? 'GET') === 'GET') return Promise.resolve(json(200, event));
      if (url.endsWith('/events/5') && init?.method === 'PATCH') return Promise.resolve(json(200, event));
      return Promise.resolve(json(404, { code: 'NOT_FOUND', message: '不存在或无权查看' }));
    });
    renderAt('/events/5/edit');

    expect(await screen.findByText(/报名已开始：报名时间、条件、人数限制和报名表不能再修改/, {}, WAIT)).toBeTruthy();
    expect(screen.getByText('场次与名额（创建后不可修改）')).toBeTruthy();
    expect(screen.getByText('第一期')).toBeTruthy();
    expect(await screen.findByDisplayValue('暖新一夏爱心暑托班', {}, WAIT)).toBe(titleInput());
    expect((await screen.findByDisplayValue<HTMLInputElement>('过敏情况', {}, WAIT)).disabled).toBe(true);

    fireEvent.change(titleInput(), { target: { value: '暖新一夏爱心暑托班（第一期）' } });
    fireEvent.click(submitButton());

    expect(await screen.findByText('活动详情页', {}, WAIT)).toBeTruthy();
    const patch = calls().find((c) => c.method === 'PATCH');
    const body = JSON.parse(text(patch?.body)) as Record<string, unknown>;
    expect(body.title).toBe('暖新一夏爱心暑托班（第一期）');
    expect(body.form).toEqual([{ key: 'allergy', label: '过敏情况', type: 'text', required: false }]);
    // Never sent on edit: they cannot change.
    expect(body).not.toHaveProperty('sessions');
    expect(body).not.toHaveProperty('allocation');
  });
});

describe('event form conversion', () => {
  it('gives new fields keys no existing field uses, and keeps choice options and number bounds', () => {
    expect(
      toFormFields([
        { key: 'q1', label: '已有', type: 'text', required: true },
        { label: ' 尺码 ', type: 'choice', required: true, options: ['M', ' L ', ''] },
        { label: '工龄', type: 'number', required: false, min: 0, max: null },
      ]),
    ).toEqual([
      { key: 'q1', label: '已有', type: 'text', required: true },
      { key: 'q2', label: '尺码', type: 'choice', required: true, options: ['M', 'L'] },
      { key: 'q3', label: '工龄', type: 'number', required: false, min: 0 },
    ]);
  });

  it('sends sessions with their times and capacity on create', () => {
    const start = dayjs('2026-07-01T00:00:00Z');
    const body = toCreateRequest({
      title: ' 免费体检 ',
      kind: 'health_check',
      description: '体检',
      coverId: null,
      venue: '医院',
      latitude: 32,
      longitude: 119,
      ownerOrgId: 3,
      audienceOrgId: null,
      categories: [],
      tags: [],
      gigVerifiedRequired: false,
      membersOnly: true,
      allocation: 'first_come',
      window: [start.subtract(10, 'day'), start.subtract(2, 'day')],
      cancelDeadline: start.subtract(1, 'day'),
      perPersonLimit: 1,
      noShowRule: false,
      offerHours: 24,
      fields: [],
      sessions: [{ label: '8:00–8:30', time: [start, start.add(30, 'minute')], capacity: 10 }],
    } satisfies EventForm);
    expect(body.title).toBe('免费体检');
    expect(body.sessions).toEqual([{ label: '8:00–8:30', startsAt: '2026-07-01T00:00:00.000Z', endsAt: '2026-07-01T00:30:00.000Z', capacity: 10 }]);
    expect(body.eligibility).toEqual({ categories: [], gigVerifiedRequired: false, tags: [], membersOnly: true, orgId: null });
  });
});
