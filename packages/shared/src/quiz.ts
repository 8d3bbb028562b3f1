/** Quiz campaigns (学习答题 / 知识竞赛): SPEC.md §1. */
import type { OrgSummary } from './api';

export const QuestionType = { Single: 'single', Multiple: 'multiple', Judge: 'judge' } as const;
export type QuestionType = (typeof QuestionType)[keyof typeof QuestionType];
export const QUESTION_TYPES: readonly QuestionType[] = Object.values(QuestionType);
export const QUESTION_TYPE_LABELS: Readonly<Record<QuestionType, string>> = { single: '单选', multiple: '多选', judge: '判断' };

export const OPTION_KEYS = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
export type OptionKey = (typeof OPTION_KEYS)[number];

export const CampaignStatus = { Draft: 'draft', Published: 'published', Ended: 'ended' } as const;
export type CampaignStatus = (typeof CampaignStatus)[keyof typeof CampaignStatus];

/** Seconds after the deadline a submission is still accepted (network latency on a cheap phone). */
export const SUBMIT_GRACE_SECONDS = 5;

export interface QuestionOption {
  key: OptionKey;
  text: string;
}

// ---- banks (staff) ----
export interface CreateBankBody {
  name: string;
  ownerOrgId: number;
}

export interface BankView {
  id: number;
  name: string;
  ownerOrg: OrgSummary;
  questionCount: number;
}

export interface QuestionBody {
  type: QuestionType;
  stem: string;
  options: QuestionOption[];
  /** Correct option keys, e.g. `['A', 'C']`; judge questions use A = 正确, B = 错误. */
  answer: OptionKey[];
  explanation: string;
  tags: string[];
  difficulty: number;
}

export interface QuestionView extends QuestionBody {
  id: number;
  bankId: number;
}

export interface ImportRowError {
  /** Spreadsheet row number as the staff member sees it (the header is row 1). */
  row: number;
  message: string;
}

export type ImportResult = { imported: number } | { errors: ImportRowError[] };

// ---- campaigns (staff) ----
export interface DrawRule {
  bankId: number;
  type: QuestionType;
  count: number;
}

export interface CampaignBody {
  title: string;
  coverUrl?: string | null;
  rules: string;
  startsAt: string;
  endsAt: string;
  /** Workers of this org's subtree; null for everyone. */
  audienceOrgId: number | null;
  membersOnly: boolean;
  draw: DrawRule[];
  shuffleOptions: boolean;
  /** Null: no time limit (issue 20). */
  secondsPerAttempt: number | null;
  attemptsPerDay: number;
  passScore: number;
  ownerOrgId: number;
}

export interface CampaignView extends Omit<CampaignBody, 'ownerOrgId' | 'audienceOrgId'> {
  id: number;
  status: CampaignStatus;
  ownerOrg: OrgSummary;
  audienceOrg: OrgSummary | null;
  /** Total score of an attempt: every question is worth the same, 100 in all. */
  questionCount: number;
}

export interface ParticipationView {
  participants: number;
  attempts: number;
  passed: number;
  averageBestScore: number;
}

// ---- attempts (worker) ----
export interface WorkerCampaignView {
  id: number;
  title: string;
  coverUrl: string | null;
  rules: string;
  startsAt: string;
  endsAt: string;
  /** Null: no time limit. */
  secondsPerAttempt: number | null;
  questionCount: number;
  passScore: number;
  attemptsLeftToday: number;
  bestScore: number | null;
  /** My attempt in progress, if any (resume it rather than start another). */
  openAttemptId: number | null;
}

/** A question as the worker sees it while answering: never the answer. */
export interface AttemptQuestion {
  id: number;
  type: QuestionType;
  stem: string;
  options: QuestionOption[];
}

export interface AttemptView {
  attemptId: number;
  campaignId: number;
  /** Server time by which the answers must arrive; null in an untimed campaign (no countdown). */
  deadline: string | null;
  startedAt: string;
  questions: AttemptQuestion[];
}

export interface SubmitAnswer {
  questionId: number;
  choice: OptionKey[];
}

export interface SubmitAttemptBody {
  answers: SubmitAnswer[];
}

export interface ReviewedQuestion extends AttemptQuestion {
  choice: OptionKey[];
  answer: OptionKey[];
  correct: boolean;
  explanation: string;
}

export interface AttemptResultView {
  attemptId: number;
  campaignId: number;
  score: number;
  passed: boolean;
  correctCount: number;
  questionCount: number;
  /** Seconds from start to the accepted submission. */
  durationSeconds: number;
  /** True when the submission arrived after the deadline and grace: scored 0. */
  late: boolean;
  review: ReviewedQuestion[];
  /** Set when the attempt passed and earned a certificate. */
  certificateSerial: string | null;
}

// ---- leaderboards ----
export interface PersonRankView {
  rank: number;
  userId: number;
  /** Masked real name or nickname. */
  name: string;
  org: string | null;
  bestScore: number;
  durationSeconds: number;
}

export interface OrgRankView {
  rank: number;
  org: OrgSummary;
  participants: number;
  memberCount: number;
  /** participants ÷ member count, 0–1. */
  participationRate: number;
  averageBestScore: number;
}

export interface LeaderboardView<T> {
  top: T[];
  me: T | null;
}

// ---- mistakes and certificates ----
export interface MistakeView {
  question: AttemptQuestion;
  campaignId: number;
  wrongCount: number;
  lastWrongAt: string;
}

export interface PracticeBody {
  choice: OptionKey[];
}

export interface PracticeResultView {
  correct: boolean;
  answer: OptionKey[];
  explanation: string;
  /** True when answering right took it out of the 错题本. */
  removed: boolean;
}

export interface CertificateView {
  serial: string;
  name: string;
  campaignTitle: string;
  score: number;
  issuedAt: string;
  /** Signed URL of the certificate image (PNG). */
  imageUrl: string;
}

/** Every question is worth the same; an attempt is scored out of 100, rounded to an integer. */
export function scoreOf(correct: number, total: number): number {
  return total === 0 ? 0 : Math.round((correct / total) * 100);
}

// ---- a worker's own history ----
/** `GET /api/quiz/attempts/mine` (paged, newest first): one of my submitted attempts, in any campaign. */
export interface MyAttemptView {
  attemptId: number;
  campaign: { id: number; title: string; status: CampaignStatus; endsAt: string };
  score: number;
  passed: boolean;
  /** True when the submission arrived after the deadline and grace: scored 0. */
  late: boolean;
  correctCount: number;
  questionCount: number;
  durationSeconds: number;
  submittedAt: string;
  /** The certificate this attempt earned: a campaign's first passing attempt earns its one certificate. */
  certificateSerial: string | null;
}

/**
 * `GET /api/quiz/campaigns/past` (paged, latest ended first): a campaign of my audience that is over
 * (ended by staff or past its window), with its final figures and mine; its leaderboard stays readable.
 */
export interface PastCampaignView {
  id: number;
  title: string;
  coverUrl: string | null;
  startsAt: string;
  endsAt: string;
  questionCount: number;
  passScore: number;
  participants: number;
  myBestScore: number | null;
  myCertificateSerial: string | null;
}
