// Field checks that more than one form applies, with the same rules as the API's DTOs, so the worker hears
// about a mistake before the round trip.
import { isMainlandMobile, REAL_NAME_MAX_LENGTH, REAL_NAME_MIN_LENGTH, REAL_NAME_PATTERN } from '@jingcai/shared';

/** What is wrong with a real name (already trimmed), or undefined when nothing is. */
export function realNameError(realName: string): string | undefined {
  if (!realName) return '请填写真实姓名';
  if (realName.length < REAL_NAME_MIN_LENGTH || realName.length > REAL_NAME_MAX_LENGTH) {
    return `姓名应为 ${REAL_NAME_MIN_LENGTH} 到 ${REAL_NAME_MAX_LENGTH} 个字`;
  }
  if (!REAL_NAME_PATTERN.test(realName)) return '姓名只能包含汉字、字母和“·”';
  return undefined;
}

/** What is wrong with a mainland mobile number (already trimmed), or undefined when nothing is. */
export function phoneError(phone: string): string | undefined {
  if (!phone) return '请填写手机号';
  if (!isMainlandMobile(phone)) return '请输入正确的 11 位手机号';
  return undefined;
}
