import {
  claimClosedRefusal,
  isClaimWindowOpen,
  listedBenefitBlocker,
  perPersonLimitReached,
  unredeemableRefusal,
} from './claim-rules';

// 08:00 on 18 March to 20:00 on 20 March, Shanghai time.
const window = {
  claimStartsAt: new Date('2026-03-18T00:00:00Z'),
  claimEndsAt: new Date('2026-03-20T12:00:00Z'),
};

describe(isClaimWindowOpen.name, () => {
  it('is open from the first to the last millisecond of the window, both included', () => {
    expect(isClaimWindowOpen(window, window.claimStartsAt.getTime())).toBe(true);
    expect(isClaimWindowOpen(window, window.claimEndsAt.getTime())).toBe(true);
    expect(isClaimWindowOpen(window, Date.parse('2026-03-19T06:00:00Z'))).toBe(true);
  });

  it('is closed a millisecond before it opens and after it ends', () => {
    expect(isClaimWindowOpen(window, window.claimStartsAt.getTime() - 1)).toBe(false);
    expect(isClaimWindowOpen(window, window.claimEndsAt.getTime() + 1)).toBe(false);
  });
});

describe(claimClosedRefusal.name, () => {
  it('names the window in Shanghai time', () => {
    expect(claimClosedRefusal(window)).toEqual({
      code: 'CLAIM_CLOSED',
      message: '不在领取时间内（3/18 08:00 至 3/20 20:00）',
    });
  });
});

describe(perPersonLimitReached.name, () => {
  it('counts claims waiting for pickup and picked up', () => {
    expect(perPersonLimitReached([{ status: 'redeemed' }], 1)).toBe(true);
    expect(perPersonLimitReached([{ status: 'redeemed' }], 2)).toBe(false);
    expect(perPersonLimitReached([{ status: 'redeemed' }, { status: 'claimed' }], 2)).toBe(true);
  });

  it('does not count a pending claim, which holds no pack', () => {
    expect(perPersonLimitReached([{ status: 'pending' }], 1)).toBe(false);
    expect(perPersonLimitReached([{ status: 'pending' }, { status: 'redeemed' }], 2)).toBe(false);
  });
});

describe(listedBenefitBlocker.name, () => {
  const benefit = { perPersonLimit: 1, remainingStock: 5 };

  it('lets a worker claim with stock left and the limit not reached', () => {
    expect(listedBenefitBlocker(null, benefit, 0, false)).toBeNull();
  });

  it('reports ineligibility first, even to a worker with a claim waiting', () => {
    expect(listedBenefitBlocker('仅限工会会员领取，请先申请入会', benefit, 1, true)).toBe(
      '仅限工会会员领取，请先申请入会',
    );
  });

  it('reports the limit before the stock', () => {
    expect(listedBenefitBlocker(null, { ...benefit, remainingStock: 0 }, 1, false)).toBe(
      '每人限领 1 份，你已领过',
    );
    expect(listedBenefitBlocker(null, { ...benefit, remainingStock: 0 }, 0, false)).toBe('已经领完了');
  });

  it('leaves a benefit open to a worker whose claim waits for pickup, sold out or not', () => {
    expect(listedBenefitBlocker(null, { ...benefit, remainingStock: 0 }, 1, true)).toBeNull();
  });
});

describe(unredeemableRefusal.name, () => {
  const redeemedAt = new Date('2026-03-18T06:30:00Z');

  it('says when and by whom a redeemed code was redeemed', () => {
    expect(
      unredeemableRefusal({ status: 'redeemed', redeemedAt }, { realName: '李芳', nickname: '芳' }),
    ).toEqual({
      code: 'ALREADY_REDEEMED',
      message: '已于 3/18 14:30 由 李芳 核销',
    });
    expect(unredeemableRefusal({ status: 'redeemed', redeemedAt }, null).message).toBe(
      '已于 3/18 14:30 由 工作人员 核销',
    );
  });

  it.each([
    ['cancelled', 'CLAIM_CANCELLED'],
    ['expired', 'CLAIM_EXPIRED'],
    ['claimed', 'CLAIM_EXPIRED'], // past its deadline, not swept yet
    ['pending', 'NOT_FOUND'], // withdrawn for want of a pack: the code never existed for the worker
  ] as const)('refuses a %s claim with %s', (status, code) => {
    expect(unredeemableRefusal({ status, redeemedAt: null }, null).code).toBe(code);
  });
});
