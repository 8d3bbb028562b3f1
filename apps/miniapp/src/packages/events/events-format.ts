// How 活动报名 pages word times, places and a ticket's state.
import { Role, shanghaiDay, SignupStatus, type MeView, type SessionView, type SignupView, type WorkerEventView } from '@jingcai/shared';
import { formatShanghaiDate, formatShanghaiDateTime, formatShanghaiTime } from '../../format';

/** `2026年7月1日 08:00–08:30`, or both ends in full when the session runs past midnight. */
export function formatSpan(startsAt: string, endsAt: string): string {
  return shanghaiDay(startsAt) === shanghaiDay(endsAt)
    ? `${formatShanghaiDateTime(startsAt)}–${formatShanghaiTime(endsAt)}`
    : `${formatShanghaiDateTime(startsAt)} 至 ${formatShanghaiDateTime(endsAt)}`;
}

/** The event's days: `2026年7月1日` or `2026年7月1日 至 2026年8月20日`. */
export function formatEventDays(event: Pick<WorkerEventView, 'startsAt' | 'endsAt'>): string {
  const first = formatShanghaiDate(event.startsAt);
  const last = formatShanghaiDate(event.endsAt);
  return first === last ? first : `${first} 至 ${last}`;
}

/** A session as a picker or a ticket names it: its label, then its time. */
export function sessionName(session: Pick<SessionView, 'label' | 'startsAt' | 'endsAt'>): string {
  return `${session.label}（${formatSpan(session.startsAt, session.endsAt)}）`;
}

export type WindowState = 'upcoming' | 'open' | 'closed';

/** Where the sign-up window stands at `now`. */
export function signupWindow(event: Pick<WorkerEventView, 'signupStartsAt' | 'signupEndsAt'>, now: number): WindowState {
  if (now < Date.parse(event.signupStartsAt)) return 'upcoming';
  return now <= Date.parse(event.signupEndsAt) ? 'open' : 'closed';
}

/**
 * Why the worker cannot sign up now, in their words, or null when they can: not eligible, window, limit, or
 * every session taken (first come; a lottery takes entries beyond the places).
 */
export function signupBlocker(event: WorkerEventView, now: number): string | null {
  if (!event.eligible) return event.ineligibleReason ?? '暂不符合报名条件';
  const window = signupWindow(event, now);
  if (window === 'upcoming') return `${formatShanghaiDateTime(event.signupStartsAt)} 开始报名`;
  if (window === 'closed') return '报名已截止';
  if (event.signupsUsed >= event.perPersonLimit) return '已报名';
  if (event.allocation === 'first_come' && event.sessions.every((session) => session.remaining <= 0)) return '名额已满';
  return null;
}

/** A ticket the worker can show at the venue. */
export function holdsPlace(signup: Pick<SignupView, 'status'>): boolean {
  return signup.status === SignupStatus.Confirmed;
}

/** What the ticket says under its status. */
export function signupHint(signup: SignupView): string | null {
  switch (signup.status) {
    case SignupStatus.Entered:
      return '报名截止后公开抽签，请留意结果通知';
    case SignupStatus.Waitlisted:
      return signup.waitlistPosition ? `候补第 ${signup.waitlistPosition} 位，有人取消时按顺序递补` : '候补中';
    case SignupStatus.Offered:
      return signup.offerExpiresAt ? `请于 ${formatShanghaiDateTime(signup.offerExpiresAt)} 前确认，逾期名额将递补给下一位` : '请尽快确认';
    case SignupStatus.Confirmed:
      // A lottery's confirmed ticket is a won draw: say so, since 报名成功 alone reads like any sign-up.
      return `${signup.event.allocation === 'lottery' ? '已中签！' : ''}到场后向工作人员出示二维码，或输入现场签到码`;
    case SignupStatus.CheckedIn:
      return signup.checkedInAt ? `签到时间：${formatShanghaiDateTime(signup.checkedInAt)}` : null;
    case SignupStatus.Cancelled:
    case SignupStatus.Expired:
    case SignupStatus.Lost:
      return null;
  }
}

/** Staff and admins check tickets in (the API checks which events are in their scope). */
export function isEventStaff(me: MeView | null): boolean {
  return Boolean(me?.roles.some((role) => role === Role.Staff || role === Role.Admin));
}
