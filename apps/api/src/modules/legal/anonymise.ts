import { replacePersonalNumbers } from './personal-numbers';

/**
 * Strips what identifies a person or an employer from a question before it becomes a public case:
 * mainland mobile and landline numbers, ID numbers, bank-card-like digit runs, the names we know
 * (asker, answerer), "X经理 / X老板"-style references, and company names by their usual suffixes.
 * Staff review the result before publishing; this is the first pass, not the last word.
 */
export interface KnownNames {
  /** Real names and nicknames of the people in the thread. */
  people: string[];
  /** Employer names given elsewhere (e.g. an aid application). */
  employers?: string[];
}

const LANDLINE = /(?<!\d)0\d{2,3}-?\d{7,8}(?!\d)/g;
const LONG_DIGITS = /(?<!\d)\d{12,19}(?!\d)/g;
const COMPANY =
  /[\u4e00-\u9fa5A-Za-z0-9（）()]{2,30}?(有限责任公司|股份有限公司|有限公司|分公司|公司|集团|工厂|厂|餐厅|饭店|酒店|超市|物流|快递站|工地)/g;
const TITLE_OF_PERSON = /[\u4e00-\u9fa5]{1}(经理|老板|主管|总|厂长|队长|工头|包工头)/g;

export function anonymise(text: string, known: KnownNames): string {
  let out = replacePersonalNumbers(text, {
    idNumber: () => '[身份证号]',
    mobile: () => '[手机号]',
  })
    .replace(LANDLINE, '[电话]')
    .replace(LONG_DIGITS, '[号码]');
  for (const employer of (known.employers ?? []).filter((e) => e.trim().length >= 2)) {
    out = out.split(employer.trim()).join('某单位');
  }
  out = out.replace(COMPANY, (_match, suffix: string) => `某${suffix}`);
  for (const name of known.people.filter((n) => n.trim().length >= 2)) {
    out = out.split(name.trim()).join('某职工');
  }
  return out.replace(TITLE_OF_PERSON, (_match, title: string) => `某${title}`);
}
