import type { StaffWishView } from '@jingcai/shared';
import { cleanup, render, screen } from '@testing-library/react';
import { App } from 'antd';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { WishDrawer } from './wish-drawer';

// antd renders slowly under jsdom on a shared 2-core machine.
vi.setConfig({ testTimeout: 60_000 });

vi.mock('../../services/assistance', () => ({
  assistanceApi: {
    publishWish: vi.fn(),
    rejectWish: vi.fn(),
    claimForEnterprise: vi.fn(),
    handedOver: vi.fn(),
    confirmWish: vi.fn(),
    uploadPhoto: vi.fn(),
  },
}));

function staffWish(overrides: Partial<StaffWishView> = {}): StaffWishView {
  return {
    id: 5,
    title: '给孩子一个新书包',
    story: '孩子上三年级了，书包背了四年已经破了，想要一个新书包。',
    amountYuan: 150,
    status: 'pending_review',
    rejectReason: null,
    streetName: '甲街道总工会',
    donorLabel: null,
    handOver: null,
    claimedAt: null,
    handedOverAt: null,
    fulfilledAt: null,
    createdAt: '2026-12-01T02:00:00.000Z',
    originalTitle: '给孩子一个新书包',
    originalStory: '孩子上三年级了，书包背了四年已经破了，想要一个新书包。',
    beneficiary: { id: 12, name: '葛阿姨', org: { id: 9, name: '京口机械厂工会', kind: 'enterprise' } },
    authorName: '甲街道干事',
    donor: null,
    confirmPhoto: null,
    mayVet: true,
    mayMarkHandedOver: false,
    mayConfirm: false,
    ownPart: null,
    ...overrides,
  };
}

function renderDrawer(wish: StaffWishView) {
  return render(
    <App>
      <WishDrawer wish={wish} onClose={() => undefined} onChanged={() => undefined} />
    </App>,
  );
}

const PUBLISH = '审核通过并发布';
const REJECT = '不予发布';
const WRITTEN_NOTE = '这条心愿由你代写，须由其他工作人员审核';
const HANDED_OVER = '登记已送达';
const CONFIRM = '确认圆梦';

// jsdom has no getComputedStyle for a pseudo-element, which antd's drawer asks for to measure the scrollbar.
const computedStyle = window.getComputedStyle.bind(window);
beforeEach(() => {
  vi.spyOn(window, 'getComputedStyle').mockImplementation((element) => computedStyle(element));
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('WishDrawer (vetting)', () => {

  it('offers publish and reject to staff who may vet the wish, with no note', async () => {
    renderDrawer(staffWish());
    expect((await screen.findByText(PUBLISH)).closest('button')).not.toBeNull();
    expect(screen.getByText(REJECT).closest('button')).not.toBeNull();
    expect(screen.queryByText(WRITTEN_NOTE)).toBeNull();
  });

  it('hides both from the staff member who wrote it and says another must vet it', async () => {
    renderDrawer(staffWish({ mayVet: false, ownPart: 'author' }));
    expect(await screen.findByText(WRITTEN_NOTE)).toBeTruthy();
    expect(screen.queryByText(PUBLISH)).toBeNull();
    expect(screen.queryByText(REJECT)).toBeNull();
  });

  it('tells a staff member the wish is their own when they are the family', async () => {
    renderDrawer(staffWish({ mayVet: false, ownPart: 'beneficiary' }));
    expect(await screen.findByText('这是你本人的心愿，须由其他工作人员审核')).toBeTruthy();
    expect(screen.queryByText(PUBLISH)).toBeNull();
    expect(screen.queryByText(WRITTEN_NOTE)).toBeNull();
  });

  it('shows no note once the wish is decided, even to its writer', async () => {
    renderDrawer(staffWish({ status: 'open', mayVet: false, ownPart: 'author' }));
    expect((await screen.findByText('登记企业认领')).closest('button')).not.toBeNull();
    expect(screen.queryByText(WRITTEN_NOTE)).toBeNull();
    expect(screen.queryByText(PUBLISH)).toBeNull();
  });
});

describe('WishDrawer (hand-over)', () => {
  const enterprise = {
    handOver: { kind: 'union_office' as const, place: '甲街道工会办公室' },
    donorLabel: '京口爱心物流有限公司',
    donor: { kind: 'enterprise' as const, name: '京口爱心物流有限公司', recordedByName: '甲街道干事' },
    claimedAt: '2026-12-02T02:00:00.000Z',
    mayVet: false,
  };
  const handedOver = { ...enterprise, status: 'handed_over' as const, handedOverAt: '2026-12-03T02:00:00.000Z' };

  it('offers 登记已送达 to the staff member who recorded the enterprise, with no note', async () => {
    renderDrawer(staffWish({ ...enterprise, status: 'claimed', mayMarkHandedOver: true, ownPart: 'donor' }));
    expect((await screen.findByText(HANDED_OVER)).closest('button')).not.toBeNull();
    expect(screen.queryByText(CONFIRM)).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('hides 登记已送达 from other staff and names who records it', async () => {
    renderDrawer(staffWish({ ...enterprise, status: 'claimed', mayConfirm: true }));
    expect(await screen.findByText('这笔企业认领由甲街道干事登记，须由其登记已送达')).toBeTruthy();
    expect(screen.queryByText(HANDED_OVER)).toBeNull();
    // 确认圆梦 waits for the hand-over.
    expect(screen.queryByText(CONFIRM)).toBeNull();
  });

  it('hides 确认圆梦 from the recorder once handed over and says another must confirm', async () => {
    renderDrawer(staffWish({ ...handedOver, ownPart: 'donor' }));
    expect(await screen.findByText('你登记了这笔企业认领，须由其他工作人员确认圆梦')).toBeTruthy();
    expect(screen.queryByText(CONFIRM)).toBeNull();
    expect(screen.queryByText(HANDED_OVER)).toBeNull();
  });

  it('offers 确认圆梦 to another staff member, with no note', async () => {
    renderDrawer(staffWish({ ...handedOver, mayConfirm: true }));
    expect((await screen.findByText(CONFIRM)).closest('button')).not.toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('tells a staff member who is the family that another must confirm', async () => {
    renderDrawer(staffWish({ ...handedOver, ownPart: 'beneficiary' }));
    expect(await screen.findByText('这是你本人的心愿，须由其他工作人员确认圆梦')).toBeTruthy();
    expect(screen.queryByText(CONFIRM)).toBeNull();
  });
});
