// 许个心愿: what the form holds, how it is checked before the round trip (the API stays the judge), its body.
import {
  WISH_AMOUNT_MAX_YUAN,
  WISH_STORY_MAX,
  WISH_STORY_MIN,
  WISH_TITLE_MAX,
  WISH_TITLE_MIN,
  type CreateWishRequest,
} from '@jingcai/shared';
import { textLength } from '../../../assistance-format';

export interface WishForm {
  title: string;
  story: string;
  /** Whole yuan, as typed. */
  amount: string;
}

export type WishField = keyof WishForm;

export function emptyWishForm(): WishForm {
  return { title: '', story: '', amount: '' };
}

export function validateWish(form: WishForm): Partial<Record<WishField, string>> {
  const errors: Partial<Record<WishField, string>> = {};
  const title = textLength(form.title);
  if (title < WISH_TITLE_MIN || title > WISH_TITLE_MAX) errors.title = `心愿请写 ${WISH_TITLE_MIN}–${WISH_TITLE_MAX} 字，如：一个新书包`;
  const story = textLength(form.story);
  if (story < WISH_STORY_MIN) errors.story = `心愿故事至少 ${WISH_STORY_MIN} 字`;
  else if (story > WISH_STORY_MAX) errors.story = `心愿故事不能超过 ${WISH_STORY_MAX} 字`;
  const amount = form.amount.trim();
  if (!/^\d{1,3}$/.test(amount) || Number(amount) < 1 || Number(amount) > WISH_AMOUNT_MAX_YUAN) {
    errors.amount = `价值请填写 1–${WISH_AMOUNT_MAX_YUAN} 元的整数`;
  }
  return errors;
}

export function toWishBody(form: WishForm): CreateWishRequest {
  return { title: form.title.trim(), story: form.story.trim(), amountYuan: Number(form.amount.trim()) };
}
