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
