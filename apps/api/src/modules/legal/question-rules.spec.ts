import { afterMessage, answerDueAt, assigneeRoles, authorRoleOf, isOverdue } from './question-rules';

/** An instant given as Asia/Shanghai wall-clock time. */
const shanghai = (local: string) => new Date(`${local}+08:00`);

describe(answerDueAt.name, () => {
  it('gives three working days: Monday 09:00 is due Thursday 09:00', () => {
    expect(answerDueAt(shanghai('2026-11-23T09:00:00'))).toEqual(shanghai('2026-11-26T09:00:00'));
  });

  it('does not count the weekend: Friday 15:00 is due Wednesday 15:00', () => {
    expect(answerDueAt(shanghai('2026-11-20T15:00:00'))).toEqual(shanghai('2026-11-25T15:00:00'));
  });

  it('starts on Monday morning for a question asked at the weekend', () => {
    expect(answerDueAt(shanghai('2026-11-22T20:00:00'))).toEqual(shanghai('2026-11-26T00:00:00'));
  });
});

describe(isOverdue.name, () => {
  const due = shanghai('2026-11-25T15:00:00');

  it('is overdue only once the due time has passed', () => {
    expect(isOverdue(due, shanghai('2026-11-25T14:59:59'))).toBe(false);
    expect(isOverdue(due, due)).toBe(false);
    expect(isOverdue(due, shanghai('2026-11-25T15:00:01'))).toBe(true);
  });

  it('is never overdue without a due time (answered or closed)', () => {
    expect(isOverdue(null, shanghai('2030-01-01T00:00:00'))).toBe(false);
  });
});

describe(authorRoleOf.name, () => {
  it('names the asker, the assigned lawyer, and everyone else in scope staff', () => {
    expect(authorRoleOf('asker', false)).toBe('asker');
    expect(authorRoleOf('assignee', true)).toBe('lawyer');
    expect(authorRoleOf('assignee', false)).toBe('staff');
    expect(authorRoleOf('staff', false)).toBe('staff');
  });
});

describe(afterMessage.name, () => {
  const friday = shanghai('2026-11-20T15:00:00');

  it('stops the clock when someone answers', () => {
    expect(afterMessage('lawyer', 7, friday)).toEqual({
      status: 'answered',
      dueAt: null,
      lastMessageAt: friday,
    });
    expect(afterMessage('staff', null, friday).dueAt).toBeNull();
  });

  it("restarts the 3-working-day clock on the asker's follow-up and hands it back to the assignee", () => {
    expect(afterMessage('asker', 7, friday)).toEqual({
      status: 'assigned',
      dueAt: shanghai('2026-11-25T15:00:00'),
      lastMessageAt: friday,
      askerReadAt: friday,
    });
  });

  it('puts an unassigned question back among the new ones', () => {
    expect(afterMessage('asker', null, friday).status).toBe('new');
  });
});

describe(assigneeRoles.name, () => {
  it('offers every lawyer and the staff whose subtree holds the asker', () => {
    const roles = assigneeRoles(
      [
        { userId: 1, role: 'lawyer', orgPath: null },
        { userId: 2, role: 'staff', orgPath: '/1/' },
        { userId: 3, role: 'staff', orgPath: '/1/4/' },
        { userId: 4, role: 'staff', orgPath: '/1/5/' },
      ],
      '/1/4/9/',
    );
    expect([...roles]).toEqual([
      [1, 'lawyer'],
      [2, 'staff'],
      [3, 'staff'],
    ]);
  });

  it('counts someone with both roles as a lawyer, whichever grant comes first', () => {
    const staffFirst = assigneeRoles(
      [
        { userId: 5, role: 'staff', orgPath: '/1/' },
        { userId: 5, role: 'lawyer', orgPath: null },
      ],
      '/1/2/',
    );
    expect(staffFirst.get(5)).toBe('lawyer');
  });

  it('offers no staff for a question with no org (the district’s: lawyers and admins only)', () => {
    expect(assigneeRoles([{ userId: 2, role: 'staff', orgPath: '/1/' }], null).size).toBe(0);
  });
});
