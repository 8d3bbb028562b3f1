import { publicName, staffName } from './people';

describe('person names', () => {
  it('shows others a nickname or a masked real name, never the full name', () => {
    expect(publicName({ realName: '王建国', nickname: '老王' })).toBe('老王');
    expect(publicName({ realName: '王建国', nickname: null })).toBe('王**');
    expect(publicName({ realName: null, nickname: '' })).toBe('职工');
  });

  it('shows staff the real name first', () => {
    expect(staffName({ realName: '王建国', nickname: '老王' })).toBe('王建国');
    expect(staffName({ realName: null, nickname: '老王' })).toBe('老王');
    expect(staffName(null, '工作人员')).toBe('工作人员');
  });
});
