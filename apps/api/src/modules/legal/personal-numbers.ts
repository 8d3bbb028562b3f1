import { maskIdNumber, maskPhone } from '@jingcai/shared';

/**
 * Personal numbers a worker may type into free text: mainland mobile numbers and resident ID numbers,
 * in ASCII or full-width digits, with spaces or hyphens between the groups people write them in, and a
 * mobile's optional +86. One detector for masking (views) and stripping (case drafts), so the two agree.
 */
const D = '[0-9０-９]';
const SEP = '[ \\-－]?';
const NOT_DIGIT_BEFORE = `(?<![0-9０-９])`;
const NOT_DIGIT_AFTER = `(?![0-9０-９])`;
/** 18 digits (the last may be X) as 6-8-4, or the old 15-digit form. */
const ID_NUMBER = new RegExp(
  `${NOT_DIGIT_BEFORE}(?:${D}{6}${SEP}${D}{8}${SEP}${D}{3}(?:${D}|[XxＸｘ])(?![A-Za-z])|${D}{15})${NOT_DIGIT_AFTER}`,
  'g',
);
/** 1[3-9]x xxxx xxxx, as 3-4-4 (separators optional), after an optional +86 / 86. */
const MOBILE = new RegExp(
  `${NOT_DIGIT_BEFORE}(?:(?:\\+|＋)?(?:86|８６)${SEP})?([1１][3-9３-９]${D}${SEP}${D}{4}${SEP}${D}{4})${NOT_DIGIT_AFTER}`,
  'g',
);

/** The number's characters in ASCII, without separators: `１３８-1234 5678` → `13812345678`. */
function digitsOf(text: string): string {
  return text
    .replace(/[０-９Ｘｘ]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[^0-9Xx]/g, '')
    .toUpperCase();
}

export interface PersonalNumberReplacements {
  idNumber: (digits: string) => string;
  mobile: (digits: string) => string;
}

/** Replaces every ID number, then every mobile number, in `text` (the digits are handed over normalised). */
export function replacePersonalNumbers(text: string, replace: PersonalNumberReplacements): string {
  return text
    .replace(ID_NUMBER, (match) => replace.idNumber(digitsOf(match)))
    .replace(MOBILE, (_match, number: string) => replace.mobile(digitsOf(number)));
}

/**
 * What others may read of free text a worker wrote: `13812341234` → `138****1234`,
 * `11010519491231002X` → `110*************2X` (the rules of maskPhone / maskIdNumber). Only the writer
 * reads their own text as typed.
 */
export function maskPersonalNumbers(text: string): string {
  return replacePersonalNumbers(text, {
    idNumber: (digits) => maskIdNumber(digits)!,
    mobile: (digits) => maskPhone(digits)!,
  });
}
