// The feedback form (投诉建议): what it holds, how it is checked (the API's limits, shared) and the body it becomes.
import {
  FEEDBACK_MAX_PHOTOS,
  FEEDBACK_TEXT_MAX,
  FEEDBACK_TEXT_MIN,
  type CreateFeedbackBody,
  type FeedbackCategory,
} from '@jingcai/shared';
import type { PickedPhoto } from '../../components/photo-picker';

export interface FeedbackForm {
  category: FeedbackCategory;
  text: string;
  photos: PickedPhoto[];
  wantsContact: boolean;
}

export type FeedbackField = 'text' | 'photos';

export function emptyFeedbackForm(): FeedbackForm {
  return { category: 'suggestion', text: '', photos: [], wantsContact: false };
}

/** Characters as the API counts them (code points, after trimming). */
export function textLength(text: string): number {
  return [...text.trim()].length;
}

export function validateFeedback(form: FeedbackForm): Partial<Record<FeedbackField, string>> {
  const errors: Partial<Record<FeedbackField, string>> = {};
  const length = textLength(form.text);
  if (length === 0) errors.text = '请写下您的意见';
  else if (length < FEEDBACK_TEXT_MIN) errors.text = `请至少写 ${FEEDBACK_TEXT_MIN} 个字`;
  else if (length > FEEDBACK_TEXT_MAX) errors.text = `不能超过 ${FEEDBACK_TEXT_MAX} 字`;
  if (form.photos.length > FEEDBACK_MAX_PHOTOS) errors.photos = `最多上传 ${FEEDBACK_MAX_PHOTOS} 张照片`;
  return errors;
}

export function toFeedbackBody(form: FeedbackForm): CreateFeedbackBody {
  return {
    category: form.category,
    text: form.text.trim(),
    ...(form.photos.length ? { photoIds: form.photos.map((photo) => photo.id) } : {}),
    wantsContact: form.wantsContact,
  };
}
