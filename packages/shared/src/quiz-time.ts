/**
 * How long a worker has for one quiz attempt (MIIT 适老化: enough time wherever a limit is not essential).
 * A campaign without a limit, and 错题本 practice, are untimed; in a timed campaign a worker in 长辈模式 gets
 * half as much time again.
 */
export const CARE_MODE_TIME_FACTOR = 1.5;

export interface AttemptTimeInput {
  /** The campaign's limit in seconds; null when the campaign is set to "no time limit". */
  secondsPerAttempt: number | null;
  careMode: boolean;
  /** 错题本 practice, which is never timed. */
  practice?: boolean;
}

/** Seconds allowed for the attempt, or null when it is untimed. */
export function attemptTimeLimit({ secondsPerAttempt, careMode, practice = false }: AttemptTimeInput): number | null {
  if (practice || secondsPerAttempt === null) return null;
  return careMode ? Math.ceil(secondsPerAttempt * CARE_MODE_TIME_FACTOR) : secondsPerAttempt;
}

/** The time rule as the campaign's rules state it to the worker. */
export function timeLimitRule(input: AttemptTimeInput): string {
  const seconds = attemptTimeLimit(input);
  if (seconds === null) return '本活动答题不限时。';
  const minutes = formatMinutes(seconds);
  return input.careMode
    ? `每次答题限时 ${minutes}（长辈模式已延长为 ${CARE_MODE_TIME_FACTOR} 倍）。`
    : `每次答题限时 ${minutes}；开启长辈模式可延长为 ${CARE_MODE_TIME_FACTOR} 倍。`;
}

function formatMinutes(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  if (minutes === 0) return `${rest} 秒`;
  return rest === 0 ? `${minutes} 分钟` : `${minutes} 分 ${rest} 秒`;
}
