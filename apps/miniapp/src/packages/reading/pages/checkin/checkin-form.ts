// The check-in form (打卡 / 补卡): what it holds, how it is checked (the API's rules, so the worker hears
// about a short note before the round trip) and the body it becomes.
import {
  CHECKIN_MAX_MINUTES,
  CHECKIN_MAX_PHOTOS,
  NOTE_MAX_LENGTH,
  type CheckinBody,
  type SeasonView,
} from '@jingcai/shared';
import type { PickedPhoto } from '../../../../components/photo-picker';
import { noteLength } from '../../reading-format';

/** An uploaded photo: its id for the body, and the local file to show as a thumbnail. */
export type CheckinPhoto = PickedPhoto;

export interface CheckinForm {
  bookId: number | null;
  /** As typed, so the field can be cleared and retyped. */
  minutes: string;
  note: string;
  photos: CheckinPhoto[];
  /** The missed day a 补卡 fills; null for today's check-in. */
  date: string | null;
}

export type CheckinField = 'book' | 'minutes' | 'note' | 'photos' | 'date';
export type CheckinErrors = Partial<Record<CheckinField, string>>;

export const DEFAULT_MINUTES = 30;
export const MINUTES_STEP = 10;

export function emptyForm(date: string | null): CheckinForm {
  return { bookId: null, minutes: String(DEFAULT_MINUTES), note: '', photos: [], date };
}

/** A whole number of minutes from 1 to 600, or null. */
export function parseMinutes(text: string): number | null {
  if (!/^\d+$/.test(text.trim())) return null;
  const minutes = Number(text.trim());
  return minutes >= 1 && minutes <= CHECKIN_MAX_MINUTES ? minutes : null;
}

/** The minutes after a tap on − or +, kept inside 1–600. */
export function stepMinutes(text: string, delta: number): string {
  const current = parseMinutes(text) ?? DEFAULT_MINUTES;
  return String(Math.min(CHECKIN_MAX_MINUTES, Math.max(1, current + delta)));
}

export function validateCheckin(
  form: CheckinForm,
  season: Pick<SeasonView, 'books' | 'minNoteLength'>,
  makeUp: boolean,
): CheckinErrors {
  const errors: CheckinErrors = {};
  if (form.bookId === null || !season.books.some((book) => book.id === form.bookId)) errors.book = '请选择在读的书';
  if (parseMinutes(form.minutes) === null) errors.minutes = `阅读时长请填写 1–${CHECKIN_MAX_MINUTES} 分钟`;
  const length = noteLength(form.note);
  if (length === 0) {
    errors.note = '请写下读后感';
  } else if (length < season.minNoteLength) {
    errors.note = `读后感至少 ${season.minNoteLength} 字，还差 ${season.minNoteLength - length} 字`;
  } else if (length > NOTE_MAX_LENGTH) {
    errors.note = `读后感不能超过 ${NOTE_MAX_LENGTH} 字`;
  }
  if (form.photos.length > CHECKIN_MAX_PHOTOS) errors.photos = `最多上传 ${CHECKIN_MAX_PHOTOS} 张照片`;
  if (makeUp && !form.date) errors.date = '请选择要补卡的日期';
  return errors;
}

/** Call only with a form that passed `validateCheckin`. */
export function toCheckinBody(form: CheckinForm): CheckinBody {
  return {
    bookId: form.bookId as number,
    minutes: parseMinutes(form.minutes) as number,
    note: form.note.trim(),
    ...(form.photos.length ? { photoIds: form.photos.map((photo) => photo.id) } : {}),
    ...(form.date ? { date: form.date } : {}),
  };
}
