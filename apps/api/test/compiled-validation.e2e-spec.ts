import 'reflect-metadata';
import { ValidationPipe, type ArgumentMetadata } from '@nestjs/common';
import { createValidationPipe, sameEntity } from '../src/common/errors/validation';
import { compiledDto } from '../src/common/http/compiled-dto';
import { LeaderboardQuery } from '../src/common/http/leaderboard-query';
import { CreateClaimDto } from '../src/modules/care/dto/create-claim.dto';
import { CreateSignupDto } from '../src/modules/events/dto/create-signup.dto';
import { SubmitAttemptDto } from '../src/modules/quiz/dto/submit-attempt.dto';

// No database here: the rush routes' DTOs against class-validator, which every other e2e suite also does on
// each request it sends (the test app's pipe cross-checks). The reference: class-validator and
// class-transformer alone, as Nest ships them.
const reference = new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true });

type Dto = new () => object;

/** Every way the compiled path and the reference can judge `value`, as one comparable answer. */
async function both(target: Dto, type: ArgumentMetadata['type'], value: unknown) {
  const metadata: ArgumentMetadata = { type, metatype: target };
  const full: unknown = await reference.transform(structuredClone(value), metadata).catch(() => 'refused');
  const compiled = compiledDto(target)!(structuredClone(value));
  return { full, compiled };
}

/** Variations of a valid value: each key dropped, nulled, retyped; an unknown key; nested items broken. */
function variations(valid: Record<string, unknown>): unknown[] {
  const odd = [
    null,
    undefined,
    '',
    ' 7 ',
    '7',
    7,
    7.5,
    -1,
    0,
    1e12,
    true,
    'true',
    [],
    [7],
    ['A'],
    {},
    { a: 1 },
  ];
  const out: unknown[] = [valid, {}, [], null, undefined, 'x', { ...valid, extra: 1 }];
  for (const key of Object.keys(valid)) {
    const rest = { ...valid };
    delete rest[key];
    out.push(rest);
    for (const value of odd) out.push({ ...valid, [key]: value });
    const list = valid[key];
    if (Array.isArray(list) && list.length) {
      const [first] = list as unknown[];
      out.push({ ...valid, [key]: [...list, ...list] });
      out.push({ ...valid, [key]: [null] });
      out.push({ ...valid, [key]: [[first]] });
      if (first && typeof first === 'object') {
        for (const inner of variations(first as Record<string, unknown>)) {
          out.push({ ...valid, [key]: [inner, ...list.slice(1)] });
        }
      }
    }
  }
  return out;
}

const cases: Array<[string, Dto, ArgumentMetadata['type'], Record<string, unknown>]> = [
  ['a care claim', CreateClaimDto, 'body', { stationId: 3 }],
  [
    'a quiz submit',
    SubmitAttemptDto,
    'body',
    {
      answers: [
        { questionId: 1, choice: ['A'] },
        { questionId: 2, choice: ['B', 'C'] },
      ],
    },
  ],
  [
    'an event sign-up',
    CreateSignupDto,
    'body',
    {
      sessionId: 4,
      answers: [{ key: 'shirt', value: '  L ' }],
      child: { name: ' 王小明 ', age: 8, guardian: '王大明' },
    },
  ],
  ['a leaderboard query', LeaderboardQuery, 'query', { scope: 'org', limit: '20', depth: '2' }],
];

describe('the compiled validation path', () => {
  it.each(cases)(
    'accepts %s as class-validator does, and builds the same instance',
    async (_, target, type, valid) => {
      expect(compiledDto(target)).not.toBeNull();
      let accepted = 0;
      for (const value of variations(valid)) {
        const { full, compiled } = await both(target, type, value);
        if (compiled === undefined) continue;
        accepted++;
        // Whatever the compiled path accepts, the reference accepts, building an equal instance of the class.
        expect({ value, full }).toEqual({ value, full: expect.any(target) });
        expect(sameEntity(full, compiled)).toBe(true);
      }
      // The valid value itself, at least, takes the compiled path: otherwise the rush pays the full pipe.
      expect(accepted).toBeGreaterThan(0);
      expect((await both(target, type, valid)).compiled).toBeInstanceOf(target);
    },
  );

  it('leaves a class without rules to the full pipe', () => {
    class Undecorated {
      value!: string;
    }
    expect(compiledDto(Undecorated)).toBeNull();
  });

  it('answers through the full pipe, in the usual words, when the compiled path declines', async () => {
    const pipe = createValidationPipe();
    const error = await pipe
      .transform({ stationId: 'x', extra: 1 }, { type: 'body', metatype: CreateClaimDto })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: '提交的信息有误：包含不允许提交的字段',
    });
  });

  it('with crossCheck, still returns what it accepted', async () => {
    const pipe = createValidationPipe(true);
    const built = await pipe.transform({ stationId: 3 }, { type: 'body', metatype: CreateClaimDto });
    expect(built).toBeInstanceOf(CreateClaimDto);
    expect(built).toEqual(Object.assign(new CreateClaimDto(), { stationId: 3 }));
  });
});
