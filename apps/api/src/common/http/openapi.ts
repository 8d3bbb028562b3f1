import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ModulesContainer } from '@nestjs/core';
import {
  DECORATORS,
  DocumentBuilder,
  SwaggerModule,
  type OpenAPIObject,
  type OperationObject,
  type ResponsesObject,
} from '@nestjs/swagger';
import { ERROR_MESSAGES, PLAIN_TEXT_PATTERN } from '@jingcai/shared';
import { getMetadataStorage } from 'class-validator';
import { IS_PUBLIC, REQUIRED_ROLES } from '../auth/decorators';
import { ERROR_DETAILS_MAX_ITEMS, ERROR_MESSAGE_MAX_LENGTH } from '../errors/all-exceptions.filter';
import { REQUEST_ID_PATTERN } from './hardening';

/**
 * The OpenAPI document at /api/docs-json: every DTO's enforced limits, and security and error responses
 * derived from the metadata the guards read (tests/surface lints it against the OWASP API ruleset).
 */
export function buildOpenApiDocument(app: NestFastifyApplication): OpenAPIObject {
  documentValidationLimits();
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('京彩职工 API')
      .setVersion('0.1.0')
      .addBearerAuth({
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'JWT',
        description:
          'Access token from the login routes: a JWS (HS256) issued and verified following RFC8725 — ' +
          'the algorithm is pinned to HS256 (no "none", no algorithm taken from the token), the key is ' +
          'at least 32 characters, issuer and expiry (15 minutes by default) are checked; refresh tokens ' +
          'are opaque, stored hashed and rotate on every use.',
      })
      .build(),
  );
  describeSecurityAndErrors(app, document);
  return document;
}

const SWAGGER_PROPERTY = DECORATORS.API_MODEL_PROPERTIES;
const INT32_MAX = 2_147_483_647;

interface ValidationRule {
  type: string;
  name?: string;
  propertyName: string;
  constraints?: unknown[];
  each?: boolean;
}

/**
 * Copies the limits class-validator enforces on every documented DTO property (lengths, patterns, ranges,
 * list sizes, integer-ness) into its `@ApiProperty()` metadata, so the document states exactly what the
 * validation pipe refuses — no limit is documented that is not enforced, and none enforced goes unsaid.
 * Idempotent: e2e tests build many apps in one process.
 */
function documentValidationLimits(): void {
  const storage = getMetadataStorage() as unknown as {
    validationMetadatas?: Map<{ prototype: object }, ValidationRule[]>;
  };
  // class-validator keeps the map private; if it moves, the lint of the document fails loudly.
  if (!(storage.validationMetadatas instanceof Map)) return;
  for (const [target, rules] of storage.validationMetadatas) {
    const byProperty = new Map<string, ValidationRule[]>();
    for (const rule of rules) {
      if (rule.type !== 'customValidation' || !rule.name) continue;
      byProperty.set(rule.propertyName, [...(byProperty.get(rule.propertyName) ?? []), rule]);
    }
    for (const [property, propertyRules] of byProperty) {
      const documented = Reflect.getMetadata(SWAGGER_PROPERTY, target.prototype, property) as
        Record<string, unknown> | undefined;
      if (!documented) continue;
      Reflect.defineMetadata(
        SWAGGER_PROPERTY,
        { ...documented, ...limitsOf(propertyRules, documented) },
        target.prototype,
        property,
      );
    }
  }
}

function limitsOf(rules: ValidationRule[], documented: Record<string, unknown>): Record<string, unknown> {
  const isList = documented.isArray === true || documented.type === 'array';
  const limits: Record<string, unknown> = {};
  for (const { name, constraints = [], each } of rules) {
    const [first, second] = constraints;
    // On a list, `each` rules describe the items (@nestjs/swagger moves these keys into `items`).
    if (isList && !each) {
      if (name === 'arrayMaxSize') limits.maxItems = first;
      if (name === 'arrayMinSize') limits.minItems = first;
      if (name === 'arrayNotEmpty') limits.minItems ??= 1;
      continue;
    }
    switch (name ?? '') {
      case 'isLength':
        if (typeof first === 'number' && first > 0) limits.minLength = first;
        if (typeof second === 'number') limits.maxLength = second;
        break;
      case 'minLength':
        limits.minLength = first;
        break;
      case 'maxLength':
        limits.maxLength = first;
        break;
      case 'matches':
        limits.pattern = first instanceof RegExp ? first.source : String(first);
        break;
      case 'isIso8601':
        limits.format = 'date-time';
        break;
      case 'isUrl':
        limits.format = 'uri';
        break;
      case 'isInt':
        limits.type = 'integer';
        break;
      case 'min':
        limits.minimum = first;
        break;
      case 'max':
        limits.maximum = first;
        break;
      case 'isLatitude':
        Object.assign(limits, { minimum: -90, maximum: 90 });
        break;
      case 'isLongitude':
        Object.assign(limits, { minimum: -180, maximum: 180 });
        break;
      default:
        // isString, isIn, isBoolean…: the type or enum from @ApiProperty already says it.
        break;
    }
  }
  if (limits.type === 'integer') {
    const fits = (n: unknown) => typeof n === 'number' && Math.abs(n) <= INT32_MAX;
    limits.format = fits(limits.minimum) && fits(limits.maximum) ? 'int32' : 'int64';
  }
  return limits;
}

const ERROR_SCHEMA = 'ErrorEnvelope';
const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: `#/components/schemas/${ERROR_SCHEMA}` } } },
});

/**
 * Security and error responses for every operation, once, from the same metadata the guards read: a
 * `@Public()` route is documented without security, every other one with the bearer token and 401, a
 * `@Roles()` one with 403. Every route can answer the error envelope (4XX, 500); writes are rate-limited (429).
 */
function describeSecurityAndErrors(app: NestFastifyApplication, document: OpenAPIObject): void {
  const access = new Map<string, { isPublic: boolean; roles: boolean }>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => unknown) | null;
      if (!controller) continue;
      for (const method of Object.getOwnPropertyNames(controller.prototype)) {
        const handler: unknown = (controller.prototype as Record<string, unknown>)[method];
        if (method === 'constructor' || typeof handler !== 'function') continue;
        const read = (key: string) =>
          (Reflect.getMetadata(key, handler) as unknown) ?? (Reflect.getMetadata(key, controller) as unknown);
        const roles = read(REQUIRED_ROLES) as unknown[] | undefined;
        // Swagger's default operationId is `${controller}_${method}`.
        access.set(`${controller.name}_${method}`, {
          isPublic: read(IS_PUBLIC) === true,
          roles: Array.isArray(roles) && roles.length > 0,
        });
      }
    }
  }

  const components = (document.components ??= {});
  components.schemas = {
    ...components.schemas,
    [ERROR_SCHEMA]: {
      type: 'object',
      description: '所有错误的统一格式；message 可直接展示给用户',
      required: ['code', 'message', 'requestId'],
      properties: {
        code: { type: 'string', enum: Object.keys(ERROR_MESSAGES) },
        message: { type: 'string', maxLength: ERROR_MESSAGE_MAX_LENGTH, pattern: PLAIN_TEXT_PATTERN.source },
        details: {
          type: 'array',
          maxItems: ERROR_DETAILS_MAX_ITEMS,
          description: '校验失败时：出错的字段及原因',
          items: {
            type: 'object',
            required: ['field', 'message'],
            properties: {
              field: {
                type: 'string',
                maxLength: ERROR_MESSAGE_MAX_LENGTH,
                pattern: PLAIN_TEXT_PATTERN.source,
              },
              message: {
                type: 'string',
                maxLength: ERROR_MESSAGE_MAX_LENGTH,
                pattern: PLAIN_TEXT_PATTERN.source,
              },
            },
          },
        },
        requestId: { type: 'string', maxLength: 64, pattern: REQUEST_ID_PATTERN.source },
      },
    },
  };

  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of ['get', 'head', 'post', 'put', 'patch', 'delete'] as const) {
      const operation: OperationObject | undefined = item[method];
      if (!operation) continue;
      const rules = access.get(operation.operationId ?? '');
      if (!rules) throw new Error(`OpenAPI: no controller method for ${method.toUpperCase()} ${path}`);
      operation.security = rules.isPublic ? [] : [{ bearer: [] }];
      const responses: ResponsesObject = operation.responses;
      // A status a controller already documents keeps its description and gains the envelope.
      const add = (status: string, description: string) => {
        responses[status] = { ...errorResponse(description), ...responses[status] };
      };
      if (operation.parameters?.length || operation.requestBody)
        add('400', '参数不符合要求（VALIDATION_FAILED）');
      if (!rules.isPublic) add('401', '未登录或登录已过期（UNAUTHENTICATED、TOKEN_EXPIRED）');
      if (rules.roles) add('403', '没有权限（FORBIDDEN）');
      if (path.includes('{')) add('404', '不存在或无权查看（NOT_FOUND）');
      if (operation.requestBody) add('413', `请求体超过上限（PAYLOAD_TOO_LARGE）`);
      if (method !== 'get' && method !== 'head') {
        responses['429'] ??= {
          ...errorResponse('请求过于频繁（RATE_LIMITED）'),
          headers: {
            'Retry-After': {
              description: '多少秒后可以重试',
              schema: { type: 'integer', format: 'int32', minimum: 1, maximum: 86_400 },
            },
            'Access-Control-Allow-Origin': {
              description: '请求来自 CORS_ORIGINS 中的来源时才有',
              schema: { type: 'string', maxLength: 200, format: 'uri' },
            },
          },
        };
      }
      add('4XX', '其他请求错误，格式同上');
      add('500', '服务器内部错误（INTERNAL_ERROR），不含任何内部细节');
      // Errors a controller documents itself (a login's 401, health's 503) carry the same envelope.
      for (const [status, response] of Object.entries(responses)) {
        if (response && /^[45]/.test(status) && !('$ref' in response) && !response.content) {
          responses[status] = { ...errorResponse(response.description), ...response };
        }
      }
    }
  }
}
