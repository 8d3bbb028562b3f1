import { ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import type { FieldError } from '@jingcai/shared';
import { compiledDto } from '../http/compiled-dto';
import { memoizeValidationMetadata } from '../http/validation-metadata';
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

/**
 * Which failed constraint explains a field best: what kind of value it must be comes before its range,
 * so `"1 OR 1=1"` for an id reads 必须是整数, not 数值太大. Every constraint of a field is checked (the pipe
 * does not stop at the first) and the most basic failure is reported; unlisted ones come last.
 */
const CONSTRAINT_ORDER = [
  'whitelistValidation',
  'isDefined',
  'isNotEmpty',
  'arrayNotEmpty',
  'isInt',
  'isNumber',
  'isString',
  'isBoolean',
  'isArray',
  'isIso8601',
  'isEnum',
  'isIn',
];
const rank = (constraint: string) => {
  const at = CONSTRAINT_ORDER.indexOf(constraint);
  return at < 0 ? CONSTRAINT_ORDER.length : at;
};

/** A property name as the client sent it can be anything: only a plain identifier path is echoed back. */
const SAFE_FIELD = /^[A-Za-z_][A-Za-z0-9_]{0,63}$|^\d{1,6}$/;
const UNNAMED_FIELD = '(未知字段)';

export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const name = SAFE_FIELD.test(error.property) ? error.property : UNNAMED_FIELD;
    const field = parent ? `${parent}.${name}` : name;
    const failed = Object.keys(error.constraints ?? {}).sort((a, b) => rank(a) - rank(b));
    const own: FieldError[] = [];
    if (failed.length) {
      // A missing value fails every rule of the field; what is wrong is that it is missing.
      const missing =
        (error.value === undefined || error.value === null) && failed[0] !== 'whitelistValidation';
      own.push({ field, message: missing ? '必填' : (CONSTRAINT_MESSAGES[failed[0]] ?? '格式不正确') });
    }
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

/**
 * The envelope's message never repeats what the client sent (a field name can be any text, markup or control
 * characters included): it says what kind of problem it is; the fields go, sanitised, in `details`.
 */
export function validationMessage(details: FieldError[]): string {
  if (details.some((d) => d.message === CONSTRAINT_MESSAGES.whitelistValidation)) {
    return '提交的信息有误：包含不允许提交的字段';
  }
  if (details.length === 1) return `提交的信息有误：${details[0].message}`;
  return `提交的信息有误：${details.length} 处需要修改`;
}

/**
 * Nest's ValidationPipe, with a compiled accept path for bodies and queries (common/http/compiled-dto.ts):
 * a valid value skips class-validator's machinery; anything else goes through the full pipe, which words the
 * errors. With `crossCheck` (tests), every accepted value also goes through the full pipe, and any
 * difference in verdict or in the built instance is an error: the e2e suites run every DTO both ways.
 */
export class CompiledValidationPipe extends ValidationPipe {
  constructor(private readonly crossCheck: boolean) {
    super({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      exceptionFactory: (errors) => {
        const details = flattenValidationErrors(errors);
        return new AppException('VALIDATION_FAILED', validationMessage(details), details);
      },
    });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const { metatype, type } = metadata;
    if ((type === 'body' || type === 'query') && metatype && this.toValidate(metadata)) {
      const check = compiledDto(metatype as new () => object);
      const accepted = check?.(value);
      if (accepted !== undefined) {
        if (this.crossCheck) await this.agrees(structuredClone(value), metadata, accepted);
        return accepted;
      }
    }
    return super.transform(value, metadata);
  }

  private async agrees(value: unknown, metadata: ArgumentMetadata, accepted: object): Promise<void> {
    const full: unknown = await super.transform(value, metadata).catch(() => 'refused');
    if (!sameEntity(full, accepted)) {
      throw new Error(`compiled validation of ${metadata.metatype?.name} disagrees with class-validator`);
    }
  }
}

/** Same class at every level, same own keys in the same order, same values. */
export function sameEntity(a: unknown, b: unknown): boolean {
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return Object.is(a, b);
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  const keys = Object.keys(a);
  const other = Object.keys(b);
  if (keys.length !== other.length || keys.some((key, i) => key !== other[i])) return false;
  return keys.every((key) =>
    sameEntity((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
  );
}

/** The global pipe: strip nothing silently — unknown fields are refused, types are converted. */
export function createValidationPipe(crossCheck = false): ValidationPipe {
  memoizeValidationMetadata();
  return new CompiledValidationPipe(crossCheck);
}
