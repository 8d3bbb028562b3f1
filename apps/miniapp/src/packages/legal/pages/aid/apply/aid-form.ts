// The legal aid / mediation application form: what it holds, how it is checked (the API's limits) and the
// body it becomes.
import { LEGAL_QUESTION_MAX_PHOTOS, type AidApplicationBody, type AidKind } from '@jingcai/shared';
import type { PickedPhoto } from '../../../../../components/photo-picker';
import { LEGAL_LIMITS, parseYuan, textLength } from '../../../legal-format';

/** The API takes up to 9 photos here; the same 6 as a question keeps the two forms alike. */
export const AID_MAX_PHOTOS = LEGAL_QUESTION_MAX_PHOTOS;

export interface AidForm {
  kind: AidKind | null;
  facts: string;
  employer: string;
  /** Yuan as typed; empty means nothing is claimed. */
  amount: string;
  photos: PickedPhoto[];
}

export type AidField = 'kind' | 'facts' | 'employer' | 'amount' | 'photos';
export type AidErrors = Partial<Record<AidField, string>>;

export function emptyAidForm(): AidForm {
  return { kind: null, facts: '', employer: '', amount: '', photos: [] };
}

export function validateAid(form: AidForm): AidErrors {
  const errors: AidErrors = {};
  const { factsMin, factsMax, employerMin, employerMax, amountMax } = LEGAL_LIMITS;
  if (!form.kind) errors.kind = '请选择申请类型';
  const facts = textLength(form.facts);
  if (facts === 0) errors.facts = '请说明事实经过';
  else if (facts < factsMin) errors.facts = `事实经过至少 ${factsMin} 字，还差 ${factsMin - facts} 字`;
  else if (facts > factsMax) errors.facts = `事实经过不能超过 ${factsMax} 字`;
  const employer = textLength(form.employer);
  if (employer === 0) errors.employer = '请填写用人单位';
  else if (employer < employerMin || employer > employerMax) errors.employer = `用人单位名称请写 ${employerMin}–${employerMax} 字`;
  if (form.amount.trim() && parseYuan(form.amount) === null) {
    errors.amount = `争议金额请填写 0–${amountMax / 10_000} 万元，最多两位小数`;
  }
  if (form.photos.length > AID_MAX_PHOTOS) errors.photos = `最多上传 ${AID_MAX_PHOTOS} 张照片`;
  return errors;
}

/** Call only with a form that passed `validateAid`. */
export function toAidBody(form: AidForm): AidApplicationBody {
  return {
    kind: form.kind as AidKind,
    facts: form.facts.trim(),
    employer: form.employer.trim(),
    amountInDispute: form.amount.trim() ? (parseYuan(form.amount) as number) : 0,
    ...(form.photos.length ? { photoIds: form.photos.map((photo) => photo.id) } : {}),
  };
}
