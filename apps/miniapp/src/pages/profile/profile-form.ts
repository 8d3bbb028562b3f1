// The same rules the API's UpdateMeDto applies, so the worker hears about a bad name before the round trip.
import { isValidIdNumber, type MeView, type UpdateMeBody, type WorkerCategory } from '@jingcai/shared';
import type { PickedOrg } from '../../components/org-picker';
import { realNameError } from '../../validation';

export interface ProfileForm {
  realName: string;
  category: WorkerCategory | null;
  org: PickedOrg | null;
  /** Empty means "keep what is on file": the API only ever returns the masked number. */
  idNumber: string;
}

export type ProfileField = 'realName' | 'category' | 'idNumber';
export type ProfileErrors = Partial<Record<ProfileField, string>>;

/** The org field starts at the org the worker asked for, if any, so saving again keeps that request. */
export function formFromMe(me: MeView | null): ProfileForm {
  return {
    realName: me?.realName ?? '',
    category: me?.category ?? null,
    org: me?.requestedOrg ?? me?.org ?? null,
    idNumber: '',
  };
}

export function validateProfile(form: ProfileForm): ProfileErrors {
  const errors: ProfileErrors = {};
  const realName = realNameError(form.realName.trim());
  if (realName) errors.realName = realName;
  if (!form.category) errors.category = '请选择职工类别';
  const idNumber = form.idNumber.trim().toUpperCase();
  if (idNumber && !isValidIdNumber(idNumber)) errors.idNumber = '身份证号格式不正确，请核对后重新输入';
  return errors;
}

/** Call only with a form that passed `validateProfile`. */
export function toUpdateBody(form: ProfileForm): UpdateMeBody {
  const idNumber = form.idNumber.trim().toUpperCase();
  return {
    realName: form.realName.trim(),
    category: form.category ?? undefined,
    orgId: form.org?.id ?? null,
    ...(idNumber ? { idNumber } : {}),
  };
}
