// The ask form (我要咨询): what it holds, how it is checked (the API's limits, so the worker hears about a
// short question before the round trip) and the body it becomes.
import { LEGAL_QUESTION_MAX_PHOTOS, type AskBody, type LegalCategory } from '@jingcai/shared';
import type { PickedPhoto } from '../../../../components/photo-picker';
import { LEGAL_LIMITS, textLength } from '../../legal-format';

export interface AskForm {
  category: LegalCategory | null;
  title: string;
  body: string;
  photos: PickedPhoto[];
  publicAllowed: boolean;
}

export type AskField = 'category' | 'title' | 'body' | 'photos';
export type AskErrors = Partial<Record<AskField, string>>;

export function emptyAskForm(): AskForm {
  return { category: null, title: '', body: '', photos: [], publicAllowed: false };
}

export function validateAsk(form: AskForm): AskErrors {
  const errors: AskErrors = {};
  const { titleMin, titleMax, bodyMin, bodyMax } = LEGAL_LIMITS;
  if (!form.category) errors.category = '请选择问题类型';
  const title = textLength(form.title);
  if (title === 0) errors.title = '请填写标题';
  else if (title < titleMin || title > titleMax) errors.title = `标题请写 ${titleMin}–${titleMax} 字`;
  const body = textLength(form.body);
  if (body === 0) errors.body = '请描述您遇到的问题';
  else if (body < bodyMin) errors.body = `问题描述至少 ${bodyMin} 字，还差 ${bodyMin - body} 字`;
  else if (body > bodyMax) errors.body = `问题描述不能超过 ${bodyMax} 字`;
  if (form.photos.length > LEGAL_QUESTION_MAX_PHOTOS) errors.photos = `最多上传 ${LEGAL_QUESTION_MAX_PHOTOS} 张照片`;
  return errors;
}

/** Call only with a form that passed `validateAsk`. */
export function toAskBody(form: AskForm): AskBody {
  return {
    category: form.category as LegalCategory,
    title: form.title.trim(),
    body: form.body.trim(),
    ...(form.photos.length ? { photoIds: form.photos.map((photo) => photo.id) } : {}),
    publicAllowed: form.publicAllowed,
  };
}
