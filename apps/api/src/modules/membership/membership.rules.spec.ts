import { AppException } from '../../common/errors/app-exception';
import { assertComplete, enrolment, memberNumber, reviewedTemplateData } from './membership.rules';

describe(memberNumber.name, () => {
  it('is JK, the year applied and the id padded to six digits', () => {
    expect(memberNumber({ id: 42, createdAt: new Date('2026-03-01T00:00:00Z') })).toBe('JK2026000042');
  });
});

describe(assertComplete.name, () => {
  it('wants an org or a description of it', () => {
    expect(() => assertComplete({ category: 'regular' })).toThrow(AppException);
    expect(() => assertComplete({ category: 'regular', orgNotListed: '某某公司' })).not.toThrow();
    expect(() => assertComplete({ category: 'regular', orgId: 3 })).not.toThrow();
  });

  it('wants a platform and proof from gig workers', () => {
    expect(() => assertComplete({ category: 'courier', orgId: 3 })).toThrow(AppException);
    expect(() => assertComplete({ category: 'courier', orgId: 3, platform: '顺丰' })).toThrow(AppException);
    expect(() =>
      assertComplete({ category: 'courier', orgId: 3, platform: '顺丰', proofPhotoId: 'abcdefghijk' }),
    ).not.toThrow();
  });
});

describe(enrolment.name, () => {
  const at = new Date('2026-03-01T08:00:00Z');
  const application = {
    realName: '张三',
    category: 'courier' as const,
    orgId: 7,
    proofUploadId: 'proof',
    phoneCipher: 'applied-cipher',
    phoneHash: 'applied-hash',
  };

  it('makes the applicant a member with the applied name, category and org', () => {
    expect(enrolment(application, { phoneCipher: 'own', requestedOrgId: null }, 'JK1', at)).toEqual({
      membership: 'member',
      memberNo: 'JK1',
      memberSince: at,
      realName: '张三',
      category: 'courier',
      categoryVerified: true,
      orgId: 7,
      gigVerified: true,
    });
  });

  it('keeps a bound phone and takes the applied one only when there is none', () => {
    expect(enrolment(application, { phoneCipher: null, requestedOrgId: null }, 'JK1', at)).toMatchObject({
      phoneCipher: 'applied-cipher',
      phoneHash: 'applied-hash',
    });
  });

  it('leaves the org alone when none was chosen and verifies no gig without proof', () => {
    const changes = enrolment(
      { ...application, orgId: null, proofUploadId: null },
      { phoneCipher: 'own', requestedOrgId: 9 },
      'JK1',
      at,
    );
    expect(changes).not.toHaveProperty('orgId');
    expect(changes).not.toHaveProperty('requestedOrgId');
    expect(changes.gigVerified).toBe(false);
  });

  it('decides a pending request for the org it verifies', () => {
    expect(enrolment(application, { phoneCipher: 'own', requestedOrgId: 7 }, 'JK1', at)).toMatchObject({
      orgId: 7,
      requestedOrgId: null,
      orgRequestedAt: null,
    });
  });

  it('clears a gig verification when the reviewed category is not gig work', () => {
    expect(
      enrolment({ ...application, category: 'regular' }, { phoneCipher: 'own', requestedOrgId: null }, 'JK1', at),
    ).toMatchObject({ category: 'regular', categoryVerified: true, gigVerified: false });
  });
});

describe(reviewedTemplateData.name, () => {
  it('cuts the remark to 20 characters and writes the time in Shanghai', () => {
    const data = reviewedTemplateData('已通过', '一二三四五六七八九十一二三四五六七八九十多', new Date('2026-03-17T17:05:00Z'));
    expect(data).toEqual({
      thing1: '工会入会申请',
      phrase2: '已通过',
      thing3: '一二三四五六七八九十一二三四五六七八九十',
      time4: '2026/3/18 01:05',
    });
  });
});
