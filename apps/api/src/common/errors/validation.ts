import { ValidationPipe, type ValidationError } from '@nestjs/common';
import type { FieldError } from '@jingcai/shared';
import { AppException } from './app-exception';

/** class-validator constraint name → Chinese explanation a worker can act on. */
const CONSTRAINT_MESSAGES: Record<string, string> = {
  whitelistValidation: '不允许提交该字段',
  isDefined: '必填',
  isNotEmpty: '不能为空',
  isString: '必须是文本',
  isInt: '必须是整数',
  isNumber: '必须是数字',
  isBoolean: '必须是 true 或 false',
  isIn: '取值不在允许范围内',
  isEnum: '取值不在允许范围内',
  min: '数值太小',
  max: '数值太大',
  minLength: '太短',
  maxLength: '太长',
  // @Length's constraint is named isLength (a `length` key here never matched: such errors read 格式不正确).
  isLength: '长度不符合要求',
  matches: '格式不正确',
  isArray: '必须是列表',
  arrayMaxSize: '数量太多',
  arrayMinSize: '数量太少',
  arrayNotEmpty: '不能为空',
  isIso8601: '时间格式不正确',
  isUrl: '链接格式不正确',
  isLatitude: '纬度不正确',
  isLongitude: '经度不正确',
  notEquals: '取值不在允许范围内',
  isPositive: '必须是正数',
  isMobilePhone: '手机号格式不正确',
  isIdNumber: '身份证号码不正确',
};

export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.keys(error.constraints ?? {}).map((constraint) => ({
      field,
      message: CONSTRAINT_MESSAGES[constraint] ?? '格式不正确',
    }));
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

/** The global pipe: strip nothing silently — unknown fields are refused, types are converted. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: true,
    exceptionFactory: (errors) => {
      const details = flattenValidationErrors(errors);
      const fields = [...new Set(details.map((d) => d.field))].join('、');
      return new AppException(
        'VALIDATION_FAILED',
        `提交的信息有误：${fields}`,
        details,
      );
    },
  });
}
