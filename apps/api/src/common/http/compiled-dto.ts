import { defaultMetadataStorage } from 'class-transformer/cjs/storage';
import { getMetadataStorage, type ValidationArguments } from 'class-validator';

/**
 * The accept path of the validation pipe, compiled once per DTO class from the same class-validator and
 * class-transformer metadata the pipe reads. Per request, class-validator builds an error object for every
 * property, groups and filters the class's rules again and collects promises, class-transformer looks each
 * key's metadata up, and Nest walks the body three more times: ~7% of the API's CPU on a sign-up, more on a
 * quiz submit's ten nested answers (docs/benchmarks.md). A compiled check calls the very same constraint
 * functions, so it judges a value as they do.
 *
 * It only ever says "valid, here is the instance": anything it does not model (an unknown or missing key
 * class-validator would refuse, a value of a type a rule rejects, a class with rules it cannot compile) is
 * left to the full pipe, which then produces the one error envelope, worded as always. Tests run both on
 * every request and fail on any disagreement (`crossCheck` in common/errors/validation.ts).
 */
export type CompiledDto = (value: unknown) => object | undefined;

type Metadata = ReturnType<ReturnType<typeof getMetadataStorage>['getTargetValidationMetadatas']>[number];
type Validate = (value: unknown, args: ValidationArguments) => unknown;
type TransformFn = (params: {
  value: unknown;
  key: string;
  obj: object;
  type: number;
  options: object;
}) => unknown;
type Conversion = typeof Number | typeof String | typeof Boolean;
type Class = new () => object;

interface PropertyRule {
  /** @IsOptional and @ValidateIf: every one must hold for the rules below to apply. */
  conditions: Array<(object: object, value: unknown) => boolean>;
  defined: boolean;
  checks: Array<{ validate: Validate; constraints: unknown[]; each: boolean }>;
  nested: boolean;
  transforms: TransformFn[];
  /** What @Type converts the value (or each element) to: a nested DTO or a primitive. */
  type?: CompiledClass | Conversion;
}

interface CompiledClass {
  target: Class;
  rules: Map<string, PropertyRule>;
}

const PLAIN_TO_CLASS = 0; // class-transformer's TransformationType.PLAIN_TO_CLASS
const CONVERSIONS: readonly unknown[] = [Number, String, Boolean];
/** Our @Transform functions read `value` alone; class-transformer's options are not modelled. */
const TRANSFORM_OPTIONS = Object.freeze({});
/** By class: a class's rules are the same wherever it is nested (no schema-named rules here). */
const compiled = new Map<Class, CompiledClass | null>();
const byClass = new Map<Class, CompiledDto | null>();

/** The compiled accept path of a DTO class, or `null` when it has a rule this module does not model. */
export function compiledDto(target: Class): CompiledDto | null {
  let check = byClass.get(target);
  if (check === undefined) {
    const top = compileClass(target, undefined, new Set());
    check = top ? (value) => accept(top, value) : null;
    byClass.set(target, check);
  }
  return check;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  // Object.prototype of whichever realm parsed it (a test runner's differs), or none (a parsed query).
  const prototype = Object.getPrototypeOf(value) as object | null;
  return prototype === null || Object.getPrototypeOf(prototype) === null;
}

function accept(top: CompiledClass, value: unknown): object | undefined {
  const entity = build(top, value);
  return entity !== undefined && valid(top, entity) ? entity : undefined;
}

/** class-transformer's plainToInstance for what the class declares; `undefined` for anything else. */
function build(dto: CompiledClass, value: unknown): object | undefined {
  if (!isPlainObject(value)) return undefined;
  const entity = new dto.target() as Record<string, unknown>;
  for (const key of Object.keys(value)) {
    const rule = dto.rules.get(key);
    if (!rule) return undefined;
    let converted = value[key];
    for (const transform of rule.transforms) {
      converted = transform({
        value: converted,
        key,
        obj: value,
        type: PLAIN_TO_CLASS,
        options: TRANSFORM_OPTIONS,
      });
    }
    converted = Array.isArray(converted) ? convertEach(converted, rule.type) : convert(converted, rule.type);
    if (converted === FAILED) return undefined;
    entity[key] = converted;
  }
  return entity;
}

const FAILED = Symbol('not modelled');

function convertEach(values: unknown[], type: PropertyRule['type']): unknown[] | typeof FAILED {
  const out: unknown[] = [];
  for (const element of values) {
    // Arrays of arrays are class-transformer's to copy.
    if (Array.isArray(element)) return FAILED;
    const converted = convert(element, type);
    if (converted === FAILED) return FAILED;
    out.push(converted);
  }
  return out;
}

function convert(value: unknown, type: PropertyRule['type']): unknown {
  if (value === null || value === undefined) return value;
  if (type === undefined) return typeof value === 'object' ? FAILED : value;
  if (typeof type === 'function') return type(value);
  return build(type, value) ?? FAILED;
}

/** class-validator's execute, whitelist and forbidNonWhitelisted included, answering only pass or fail. */
function valid(dto: CompiledClass, entity: object): boolean {
  const record = entity as Record<string, unknown>;
  // Keys the class does not declare were refused by build(); an initialised field without rules was
  // refused at compile time.
  for (const [property, rule] of dto.rules) {
    const value = record[property];
    if (!rule.conditions.every((holds) => holds(entity, value))) continue;
    if (rule.defined && (value === undefined || value === null)) return false;
    for (const { validate, constraints, each } of rule.checks) {
      const args = { targetName: dto.target.name, property, object: entity, value, constraints };
      const values = each && Array.isArray(value) ? value : [value];
      for (const item of values) {
        const result = validate(item, args);
        // An async rule is the full pipe's: it never compiles (compileClass), so this is only a guard.
        if (!result || result instanceof Promise) return false;
      }
    }
    if (rule.nested && value !== undefined && !validNested(value)) return false;
  }
  return true;
}

function validNested(value: unknown): boolean {
  const items = Array.isArray(value) ? value : [value];
  for (const item of items as unknown[]) {
    if (!(item instanceof Object) || Array.isArray(item)) return false;
    // Nested instances are only ever built by build(), from classes compiled for them.
    const nested = compiled.get(item.constructor as Class);
    if (!nested || !valid(nested, item)) return false;
  }
  return true;
}

function compileClass(target: Class, schema: string | undefined, open: Set<Class>): CompiledClass | null {
  const known = compiled.get(target);
  if (known !== undefined) return known;
  // A class nested in itself would need a lazy reference; none of ours does.
  if (open.has(target)) return null;
  open.add(target);
  const storage = getMetadataStorage();
  const metadatas = storage.getTargetValidationMetadatas(target, schema as string, false, false);
  let result: CompiledClass | null = null;
  if (metadatas.length && transformsModelled(target)) {
    result = { target, rules: new Map() };
    for (const [property, own] of Object.entries(storage.groupByPropertyName(metadatas))) {
      const rule = compileProperty(target, property, own, open);
      if (!rule) {
        result = null;
        break;
      }
      result.rules.set(property, rule);
    }
    // class-validator refuses an initialised field that has no rules (whitelist): not modelled.
    if (result && Object.keys(new target()).some((field) => !result!.rules.has(field))) result = null;
  }
  open.delete(target);
  compiled.set(target, result);
  return result;
}

/** No @Expose/@Exclude (they change which keys are copied) and no methods or accessors under a field's name. */
function transformsModelled(target: Class): boolean {
  return (
    !defaultMetadataStorage.getExposedMetadatas(target).length &&
    !defaultMetadataStorage.getExcludedMetadatas(target).length &&
    defaultMetadataStorage.getStrategy(target) === 'none'
  );
}

function compileProperty(
  target: Class,
  property: string,
  metadatas: Metadata[],
  open: Set<Class>,
): PropertyRule | null {
  const storage = getMetadataStorage();
  const rule: PropertyRule = { conditions: [], defined: false, checks: [], nested: false, transforms: [] };
  if (property in target.prototype) return null;
  for (const metadata of metadatas) {
    if (metadata.groups?.length || metadata.always) return null;
    switch (metadata.type) {
      case 'conditionalValidation':
        rule.conditions.push(metadata.constraints[0] as PropertyRule['conditions'][number]);
        break;
      case 'isDefined':
        rule.defined = true;
        break;
      case 'nestedValidation':
        rule.nested = true;
        break;
      case 'whitelistValidation':
        break;
      case 'customValidation': {
        for (const constraint of storage.getTargetValidatorConstraints(metadata.constraintCls)) {
          if (constraint.async) return null;
          const instance = constraint.instance as { validate: Validate };
          rule.checks.push({
            validate: instance.validate.bind(instance),
            constraints: metadata.constraints,
            each: metadata.each === true,
          });
        }
        break;
      }
      default:
        return null;
    }
  }
  for (const transform of defaultMetadataStorage.findTransformMetadatas(target, property, PLAIN_TO_CLASS)) {
    const options = transform.options as { groups?: unknown[]; since?: number; until?: number } | undefined;
    if (options?.groups?.length || options?.since !== undefined || options?.until !== undefined) return null;
    rule.transforms.push(transform.transformFn as TransformFn);
  }
  const typed = defaultMetadataStorage.findTypeMetadata(target, property);
  if (typed) {
    if (typed.options?.discriminator || !typed.typeFunction || typed.typeFunction.length > 0) return null;
    const type = typed.typeFunction() as unknown;
    if (CONVERSIONS.includes(type)) rule.type = type as Conversion;
    else if (typeof type === 'function' && type.prototype) {
      const nested = compileClass(type as Class, target.name, open);
      if (!nested) return null;
      rule.type = nested;
    } else return null;
  }
  return rule;
}
