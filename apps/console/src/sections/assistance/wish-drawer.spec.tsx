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

describe('WishDrawer (vetting)', () => {
  // jsdom has no getComputedStyle for a pseudo-element, which antd's drawer asks for to measure the scrollbar.
  const computedStyle = window.getComputedStyle.bind(window);
  beforeEach(() => {
    vi.spyOn(window, 'getComputedStyle').mockImplementation((element) => computedStyle(element));
  });
  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
  });

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
