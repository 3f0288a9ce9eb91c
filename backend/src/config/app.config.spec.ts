import { appConfig } from './app.config';

describe('appConfig API_DOCS', () => {
  const saved = { ...process.env };

  afterEach(() => {
    process.env = { ...saved };
  });

  const docsWith = (env: Record<string, string | undefined>) => {
    for (const [key, value] of Object.entries(env)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    return appConfig().apiDocs;
  };

  it.each([
    [{ NODE_ENV: 'production', API_DOCS: undefined }, 'admin'],
    [{ NODE_ENV: 'development', API_DOCS: undefined }, 'on'],
    [{ NODE_ENV: 'test', API_DOCS: undefined }, 'on'],
    [{ NODE_ENV: 'production', API_DOCS: 'off' }, 'off'],
    [{ NODE_ENV: 'production', API_DOCS: 'on' }, 'on'],
  ])('should resolve %j to %s', (env, expected) => {
    expect(docsWith(env)).toBe(expected);
  });

  it('should fail at boot on an unknown value, naming API_DOCS', () => {
    expect(() => docsWith({ API_DOCS: 'public' })).toThrow(/API_DOCS/);
  });
});

describe('appConfig TRUST_PROXY', () => {
  const saved = { ...process.env };

  afterEach(() => {
    process.env = { ...saved };
  });

  const trustWith = (value: string | undefined) => {
    if (value === undefined) delete process.env.TRUST_PROXY;
    else process.env.TRUST_PROXY = value;
    return appConfig().trustProxy;
  };

  it.each([
    [undefined, false],
    ['1', 1],
    ['loopback', 'loopback'],
    ['10.0.0.0/8, 192.168.1.10', '10.0.0.0/8, 192.168.1.10'],
    ['loopback,uniquelocal', 'loopback,uniquelocal'],
    ['::1', '::1'],
  ])('should read TRUST_PROXY=%s as %j', (value, expected) => {
    expect(trustWith(value)).toEqual(expected);
  });

  it.each(['true', '*', '0', 'proxy.example.cn', '10.0.0.1; rm'])(
    'should fail at boot on TRUST_PROXY=%s (trusting every hop lets clients choose their address)',
    (value) => {
      expect(() => trustWith(value)).toThrow(/TRUST_PROXY/);
    },
  );
});

describe('appConfig DEMO', () => {
  const saved = { ...process.env };

  afterEach(() => {
    process.env = { ...saved };
  });

  const demoWith = (env: Record<string, string | undefined>) => {
    for (const [key, value] of Object.entries(env)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    return appConfig().demo;
  };

  it.each([
    [{ NODE_ENV: 'development', DEMO: undefined }, false],
    [{ NODE_ENV: 'development', DEMO: '0' }, false],
    [{ NODE_ENV: 'development', DEMO: '1' }, true],
    [{ NODE_ENV: 'test', DEMO: '1' }, true],
  ])('should resolve %j to demo %s', (env, expected) => {
    expect(demoWith(env)).toBe(expected);
  });

  it('should refuse a demo in production, naming DEMO', () => {
    expect(() => demoWith({ NODE_ENV: 'production', DEMO: '1' })).toThrow(/DEMO=1 is for development only/);
  });

  it('should fail at boot on an unknown value, naming DEMO', () => {
    expect(() => demoWith({ DEMO: 'yes' })).toThrow(/DEMO/);
  });
});
