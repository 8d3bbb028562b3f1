// The hardship application form (帮扶申请): what it holds, how it is checked before the round trip (the API
// stays the judge) and the body it becomes.
import {
  ASSISTANCE_FAMILY_SITUATION_MAX,
  ASSISTANCE_HOUSEHOLD_MAX,
  ASSISTANCE_INCOME_MAX,
  ASSISTANCE_MAX_DOCUMENTS,
  ASSISTANCE_REASONS_MAX,
  ASSISTANCE_TEXT_MIN,
  type AssistanceApplicationView,
  type AssistanceKind,
  type CreateApplicationRequest,
  type UpdateApplicationRequest,
} from '@jingcai/shared';
import type { PickedPhoto } from '../../../../components/photo-picker';
import { parseYuan, textLength } from '../../assistance-format';

export interface ApplicationForm {
  kind: AssistanceKind | null;
  familySituation: string;
  /** As typed; checked on submit. */
  householdSize: string;
  incomePerMember: string;
  reasons: string;
  photos: PickedPhoto[];
}

export type ApplicationField = 'kind' | 'familySituation' | 'householdSize' | 'incomePerMember' | 'reasons' | 'photos';
export type ApplicationErrors = Partial<Record<ApplicationField, string>>;

export function emptyApplicationForm(): ApplicationForm {
  return { kind: null, familySituation: '', householdSize: '', incomePerMember: '', reasons: '', photos: [] };
}

/** A returned application, back in the form to be corrected; its documents stay as they were uploaded. */
export function formFromApplication(application: AssistanceApplicationView): ApplicationForm {
  return {
    kind: application.kind,
    familySituation: application.familySituation,
    householdSize: String(application.householdSize),
    incomePerMember: String(application.monthlyIncomePerMember),
    reasons: application.reasons,
    photos: application.documents.map((document) => ({ id: document.id, src: document.url })),
  };
}

function checkText(text: string, name: string, max: number): string | undefined {
  const length = textLength(text);
  if (length === 0) return `请填写${name}`;
  if (length < ASSISTANCE_TEXT_MIN) return `${name}至少 ${ASSISTANCE_TEXT_MIN} 字，还差 ${ASSISTANCE_TEXT_MIN - length} 字`;
  if (length > max) return `${name}不能超过 ${max} 字`;
  return undefined;
}

export function validateApplication(form: ApplicationForm): ApplicationErrors {
  const errors: ApplicationErrors = {};
  if (!form.kind) errors.kind = '请选择帮扶类型';
  const situation = checkText(form.familySituation, '家庭情况', ASSISTANCE_FAMILY_SITUATION_MAX);
  if (situation) errors.familySituation = situation;
  const size = form.householdSize.trim();
  if (!/^\d{1,2}$/.test(size) || Number(size) < 1 || Number(size) > ASSISTANCE_HOUSEHOLD_MAX) {
    errors.householdSize = `家庭人口请填写 1–${ASSISTANCE_HOUSEHOLD_MAX} 人`;
  }
  if (parseYuan(form.incomePerMember, ASSISTANCE_INCOME_MAX) === null) {
    errors.incomePerMember = '请填写家庭人均月收入（元），最多两位小数';
  }
  const reasons = checkText(form.reasons, '申请理由', ASSISTANCE_REASONS_MAX);
  if (reasons) errors.reasons = reasons;
  if (form.photos.length > ASSISTANCE_MAX_DOCUMENTS) errors.photos = `最多上传 ${ASSISTANCE_MAX_DOCUMENTS} 张证明材料`;
  return errors;
}

/** Call only with a form that passed `validateApplication`. */
export function toApplicationBody(form: ApplicationForm): CreateApplicationRequest {
  return {
    kind: form.kind as AssistanceKind,
    familySituation: form.familySituation.trim(),
    householdSize: Number(form.householdSize.trim()),
    monthlyIncomePerMember: parseYuan(form.incomePerMember, ASSISTANCE_INCOME_MAX) as number,
    reasons: form.reasons.trim(),
    ...(form.photos.length ? { documentUploadIds: form.photos.map((photo) => photo.id) } : {}),
  };
}

/** A correction sends every field again but the kind, which stays what was applied for; no documents means none. */
export function toUpdateBody(form: ApplicationForm): UpdateApplicationRequest {
  const { familySituation, householdSize, monthlyIncomePerMember, reasons, documentUploadIds } = toApplicationBody(form);
  return { familySituation, householdSize, monthlyIncomePerMember, reasons, documentUploadIds: documentUploadIds ?? [] };
}
