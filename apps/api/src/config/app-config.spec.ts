import { ConfigError, loadConfig } from './app-config';

describe(loadConfig.name, () => {
  it('runs the zero-config demo on embedded SQLite with dev login on', () => {
    const config = loadConfig({});
    expect(config.db).toEqual({ kind: 'sqlite', path: './data/jingcai.sqlite' });
    expect(config.auth.devLogin).toBe(true);
    expect(config.demoSeed).toBe(true);
    expect(config.apiDocs).toBe(true);
  });

  it('uses MySQL when DATABASE_URL is set, with dev login off by default', () => {
    const config = loadConfig({
      DATABASE_URL: 'mysql://root:@127.0.0.1:3306/jingcai',
      DATABASE_DRIVER: 'mariadb',
    });
    expect(config.db).toMatchObject({ kind: 'mysql', driver: 'mariadb', migrationsRun: true });
    expect(config.auth.devLogin).toBe(false);
  });

  const production = {
    NODE_ENV: 'production',
    DATABASE_URL: 'mysql://app:pw@db:3306/jingcai',
    JWT_SECRET: 'x'.repeat(40),
    PII_KEY: Buffer.alloc(32, 1).toString('base64'),
    WECHAT_APPID: 'wx123',
    WECHAT_SECRET: 's',
    WECHAT_PUSH_TOKEN: 'push',
    PUBLIC_BASE_URL: 'https://api.jingcai.example.cn',
  };

  it('accepts a complete production environment, with docs off', () => {
    const config = loadConfig(production);
    expect(config.apiDocs).toBe(false);
    expect(config.wechat.envVersion).toBe('release');
  });

  it.each([
    ['JWT_SECRET', 'jingcai-dev-only-jwt-secret-change-me'],
    ['PII_KEY', Buffer.alloc(32, 7).toString('base64')],
    ['WECHAT_APPID', 'wx-fake-appid'],
    ['WECHAT_SECRET', 'fake-secret'],
    ['WECHAT_PUSH_TOKEN', 'jingcai-dev-push-token'],
  ])('refuses the published dev default of %s in production, naming it', (name, devValue) => {
    expect(() => loadConfig({ ...production, [name]: devValue })).toThrow(
      new ConfigError(name, 'is the published development default; production needs its own value'),
    );
    expect(() => loadConfig({ ...production, [name]: '' })).toThrow(new ConfigError(name, 'is required in production'));
    expect(() => loadConfig({ [name]: devValue })).not.toThrow();
  });

  it('believes X-Forwarded-For from loopback only, unless balancers are listed', () => {
    expect(loadConfig({}).trustProxy).toBe('loopback');
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8' }).trustProxy).toBe('10.0.0.0/8');
  });

  it('reads subscribe-message template ids by name', () => {
    expect(
      loadConfig({ WECHAT_SUBSCRIBE_TEMPLATES: 'application_reviewed=abc123' }).wechat.subscribeTemplates,
    ).toEqual({
      application_reviewed: 'abc123',
    });
    expect(
      loadConfig({
        WECHAT_SUBSCRIBE_TEMPLATES:
          'application_reviewed=t1, claim_ready=t2,claim_expiring=t3 ,question_answered=t4',
      }).wechat.subscribeTemplates,
    ).toEqual({ application_reviewed: 't1', claim_ready: 't2', claim_expiring: 't3', question_answered: 't4' });
  });

  const objectStorage = {
    STORAGE_DRIVER: 'object',
    OBJECT_STORAGE_ENDPOINT: 'https://cos.ap-shanghai.myqcloud.com/',
    OBJECT_STORAGE_REGION: 'ap-shanghai',
    OBJECT_STORAGE_BUCKET: 'jingcai-uploads-1250000000',
    OBJECT_STORAGE_ACCESS_KEY_ID: 'AKIDexample',
    OBJECT_STORAGE_SECRET_ACCESS_KEY: 'secret',
  };

  it('keeps uploads on local disk by default, or in an S3-compatible bucket', () => {
    expect(loadConfig({}).storage).toEqual({ kind: 'local', dir: './data/uploads' });
    expect(loadConfig({ UPLOAD_DIR: '/var/lib/jingcai' }).storage).toEqual({
      kind: 'local',
      dir: '/var/lib/jingcai',
    });
    expect(loadConfig(objectStorage).storage).toEqual({
      kind: 'object',
      endpoint: 'https://cos.ap-shanghai.myqcloud.com',
      region: 'ap-shanghai',
      bucket: 'jingcai-uploads-1250000000',
      accessKeyId: 'AKIDexample',
      secretAccessKey: 'secret',
      pathStyle: false,
    });
    expect(loadConfig({ ...objectStorage, OBJECT_STORAGE_PATH_STYLE: 'true' }).storage).toMatchObject({
      pathStyle: true,
    });
  });

  it.each([
    [{ ...production, AUTH_DEV_LOGIN: 'true' }, 'AUTH_DEV_LOGIN'],
    [{ STORAGE_DRIVER: 's3' }, 'STORAGE_DRIVER'],
    [
      { ...objectStorage, OBJECT_STORAGE_ENDPOINT: 'cos.ap-shanghai.myqcloud.com' },
      'OBJECT_STORAGE_ENDPOINT',
    ],
    [
      { ...objectStorage, OBJECT_STORAGE_ENDPOINT: 'https://cos.example.cn/prefix' },
      'OBJECT_STORAGE_ENDPOINT',
    ],
    [{ ...objectStorage, OBJECT_STORAGE_BUCKET: 'Bad_Bucket' }, 'OBJECT_STORAGE_BUCKET'],
    [{ ...objectStorage, OBJECT_STORAGE_REGION: undefined }, 'OBJECT_STORAGE_REGION'],
    [{ ...objectStorage, OBJECT_STORAGE_SECRET_ACCESS_KEY: ' ' }, 'OBJECT_STORAGE_SECRET_ACCESS_KEY'],
    [{ ...production, JWT_SECRET: '' }, 'JWT_SECRET'],
    [{ ...production, PII_KEY: undefined }, 'PII_KEY'],
    [{ ...production, DATABASE_URL: undefined }, 'DATABASE_URL'],
    [{ ...production, WECHAT_SECRET: undefined }, 'WECHAT_SECRET'],
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PII_KEY: 'c2hvcnQ=' }, 'PII_KEY'],
    [{ DATABASE_URL: 'postgres://x/y' }, 'DATABASE_URL'],
    [{ DATABASE_URL: 'mysql://h/db', DATABASE_DRIVER: 'oracle' }, 'DATABASE_DRIVER'],
    [{ AUTH_DEV_LOGIN: 'yes' }, 'AUTH_DEV_LOGIN'],
    [{ WECHAT_API_BASE: 'ftp://x' }, 'WECHAT_API_BASE'],
    [{ ...production, WECHAT_PUSH_TOKEN: undefined }, 'WECHAT_PUSH_TOKEN'],
    [{ ...production, PUBLIC_BASE_URL: undefined }, 'PUBLIC_BASE_URL'],
    [{ WECHAT_SUBSCRIBE_TEMPLATES: 'unknown=abc' }, 'WECHAT_SUBSCRIBE_TEMPLATES'],
    [{ WECHAT_ENV_VERSION: 'beta' }, 'WECHAT_ENV_VERSION'],
  ])('refuses a bad environment and names the variable (%#)', (env, variable) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(new RegExp(variable));
  });
});
