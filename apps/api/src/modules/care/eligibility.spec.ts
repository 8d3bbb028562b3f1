import type { Benefit } from './entities/benefit.entity';
import { ineligibilityReason, type Claimant } from './eligibility';

describe(ineligibilityReason.name, () => {
  const rider: Claimant = {
    category: 'delivery_rider',
    gigVerified: true,
    tags: ['high_temperature_post'],
    membership: 'member',
    orgPath: '/1/9/',
  };
  const open = {
    eligibleCategories: [],
    gigVerifiedRequired: false,
    eligibleTags: [],
    membersOnly: false,
  } satisfies Partial<Benefit>;

  it('lets anyone claim an unrestricted benefit', () => {
    expect(
      ineligibilityReason(
        { ...rider, category: null, gigVerified: false, tags: [], membership: 'none', orgPath: null },
        open,
        null,
      ),
    ).toBeNull();
  });

  it.each([
    [{ membersOnly: true }, { membership: 'none' as const }, '仅限工会会员领取，请先申请入会'],
    [
      { eligibleCategories: ['courier' as const, 'ride_hailing_driver' as const] },
      {},
      '仅限快递员、网约车司机领取',
    ],
    [{ gigVerifiedRequired: true }, { gigVerified: false }, '需完成新就业形态身份认证'],
    [{ eligibleTags: ['model_worker' as const] }, {}, '仅限劳模职工领取'],
  ])('explains each unmet rule (%#)', (rules, worker, reason) => {
    expect(ineligibilityReason({ ...rider, ...worker }, { ...open, ...rules }, null)).toBe(reason);
  });

  it('limits to the audience org subtree', () => {
    expect(ineligibilityReason(rider, open, { path: '/1/9/', name: '骑手工会' })).toBeNull();
    expect(ineligibilityReason(rider, open, { path: '/1/4/', name: '大市口街道工会' })).toBe(
      '仅限大市口街道工会所属职工领取',
    );
    expect(ineligibilityReason({ ...rider, orgPath: null }, open, { path: '/1/', name: '区总工会' })).toBe(
      '仅限区总工会所属职工领取',
    );
  });
});
