import { describe, expect, it } from 'vitest';
import { memberSearch } from './roster-page';

describe('memberSearch', () => {
  it('sends part of a name as it is, trimmed', () => {
    expect(memberSearch('  张伟 ')).toEqual({ q: '张伟' });
  });

  it('sends a whole mobile number, spaces removed', () => {
    expect(memberSearch('139 1234 5678')).toEqual({ q: '13912345678' });
  });

  it('refuses a fragment of digits: phones are matched whole only', () => {
    expect(memberSearch('1391234').error).toMatch(/11 位/);
  });

  it('clears the search when empty', () => {
    expect(memberSearch('   ')).toEqual({});
  });
});
