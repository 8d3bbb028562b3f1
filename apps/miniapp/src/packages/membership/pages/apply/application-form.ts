// The union-joining form (入会申请): what it holds, how it is checked (the API's rules, so the worker
// hears about a mistake before the round trip) and the body it becomes.
import {
  isGigCategory,
  ORG_NOT_LISTED_MAX_LENGTH,
  PLATFORM_MAX_LENGTH,
  type ApplicationView,
  type MeView,
  type SubmitApplicationBody,
  type WorkerCategory,
} from '@jingcai/shared';
import type { PickedOrg } from '../../../../components/org-picker';
import type { PickedPhoto } from '../../../../components/photo-picker';
import { phoneError, realNameError } from '../../../../validation';

/** The uploaded proof photo: its id for the body, and the local file to show as a thumbnail. */
export type ProofPhoto = PickedPhoto;

export interface ApplicationForm {
  realName: string;
  /** Always typed in: the API only ever returns masked numbers, which cannot be sent back. */
  phone: string;
  org: PickedOrg | null;
  /** "我的单位不在列表中": the worker names the employer or union instead of picking an org. */
  orgNotListed: boolean;
  orgNotListedText: string;
  category: WorkerCategory | null;
  /** Gig workers only. */
  platform: string;
  /** Gig workers only. */
  proof: ProofPhoto | null;
}

export type ApplicationField = 'realName' | 'phone' | 'org' | 'category' | 'platform' | 'proof';
export type ApplicationErrors = Partial<Record<ApplicationField, string>>;

/** A first application starts from what the profile already says. */
export function formFromMe(me: MeView | null): ApplicationForm {
  return {
    realName: me?.realName ?? '',
    phone: '',
    org: me?.org ?? null,
    orgNotListed: false,
    orgNotListedText: '',
    category: me?.category ?? null,
    platform: '',
    proof: null,
  };
}

/** 重新申请 after a rejection: everything as sent before except the phone and the photo, which cannot come back. */
export function formFromApplication(application: ApplicationView): ApplicationForm {
  return {
    realName: application.realName,
    phone: '',
    org: application.org,
    orgNotListed: application.orgNotListed !== null,
    orgNotListedText: application.orgNotListed ?? '',
    category: application.category,
    platform: application.platform ?? '',
    proof: null,
  };
}

export function validateApplication(form: ApplicationForm): ApplicationErrors {
  const errors: ApplicationErrors = {};
  const realName = realNameError(form.realName.trim());
  if (realName) errors.realName = realName;
  const phone = phoneError(form.phone.trim());
  if (phone) errors.phone = phone;

  const orgNotListed = form.orgNotListedText.trim();
  if (!form.orgNotListed && !form.org) {
    errors.org = '请选择所属工会，或勾选“我的单位不在列表中”';
  } else if (form.orgNotListed && !orgNotListed) {
    errors.org = '请填写单位或工会名称';
  } else if (form.orgNotListed && orgNotListed.length > ORG_NOT_LISTED_MAX_LENGTH) {
    errors.org = `单位名称不能超过 ${ORG_NOT_LISTED_MAX_LENGTH} 个字`;
  }

  if (!form.category) {
    errors.category = '请选择职工类别';
  } else if (isGigCategory(form.category)) {
    const platform = form.platform.trim();
    if (!platform) errors.platform = '请选择或填写所在平台';
    else if (platform.length > PLATFORM_MAX_LENGTH) errors.platform = `平台名称不能超过 ${PLATFORM_MAX_LENGTH} 个字`;
    if (!form.proof) errors.proof = '请上传平台工作证明照片';
  }
  return errors;
}

/** Call only with a form that passed `validateApplication`. */
export function toSubmitBody(form: ApplicationForm): SubmitApplicationBody {
  const category = form.category as WorkerCategory;
  return {
    realName: form.realName.trim(),
    phone: form.phone.trim(),
    ...(form.orgNotListed ? { orgNotListed: form.orgNotListedText.trim() } : { orgId: form.org?.id }),
    category,
    ...(isGigCategory(category) ? { platform: form.platform.trim(), proofPhotoId: form.proof?.id } : {}),
  };
}
