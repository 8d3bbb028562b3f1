import {
  ASSISTANCE_STATUSES,
  currentStepOf,
  REVIEW_STEPS,
  STATUS_AFTER_STEP,
  STATUS_AT_STEP,
} from './assistance';
import { WISH_STATUSES, wallStatusOf } from './assistance-wishes';

describe('application steps', () => {
  it('waits at check, then approve, then grant, and nowhere once granted, returned or withdrawn', () => {
    expect(currentStepOf('submitted')).toBe('check');
    expect(currentStepOf('checked')).toBe('approve');
    expect(currentStepOf('approved')).toBe('grant');
    expect(currentStepOf('granted')).toBeNull();
    expect(currentStepOf('returned')).toBeNull();
    expect(currentStepOf('withdrawn')).toBeNull();
  });

  it('moves each step on to the next one, and a resubmission back to the step that returned it', () => {
    for (const step of REVIEW_STEPS) {
      expect(currentStepOf(STATUS_AT_STEP[step])).toBe(step);
    }
    expect(currentStepOf(STATUS_AFTER_STEP.check)).toBe('approve');
    expect(currentStepOf(STATUS_AFTER_STEP.approve)).toBe('grant');
    expect(STATUS_AFTER_STEP.grant).toBe('granted');
    expect(ASSISTANCE_STATUSES).toHaveLength(6);
  });
});

describe(wallStatusOf.name, () => {
  it('keeps unpublished wishes off the wall and shows a handed-over wish as claimed', () => {
    const shown = Object.fromEntries(WISH_STATUSES.map((s) => [s, wallStatusOf(s)]));
    expect(shown).toEqual({
      pending_review: null,
      rejected: null,
      open: 'open',
      claimed: 'claimed',
      handed_over: 'claimed',
      fulfilled: 'fulfilled',
    });
  });
});
