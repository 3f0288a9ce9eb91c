import { DEFAULT_MAIL_FROM, readMailConfig } from './mail.config';

describe(readMailConfig.name, () => {
  it('should send no mail and run the reminders every 5 minutes when nothing is set', () => {
    expect(readMailConfig({})).toEqual({ smtpUrl: undefined, from: DEFAULT_MAIL_FROM, intervalSeconds: 300 });
  });

  it.each([
    ['smtp://mail.example.cn:25', '绩效系统 <jixiao@example.cn>'],
    ['smtps://user:secret@mail.example.cn:465', 'jixiao@example.cn'],
  ])('should read SMTP_URL=%s and MAIL_FROM=%s', (url, from) => {
    expect(readMailConfig({ SMTP_URL: url, MAIL_FROM: from })).toMatchObject({ smtpUrl: url, from });
  });

  it('should turn the schedule off with REMINDER_INTERVAL_SECONDS=0, and by default in tests', () => {
    expect(readMailConfig({ REMINDER_INTERVAL_SECONDS: '0' }).intervalSeconds).toBe(0);
    expect(readMailConfig({ NODE_ENV: 'test' }).intervalSeconds).toBe(0);
    expect(readMailConfig({ NODE_ENV: 'test', REMINDER_INTERVAL_SECONDS: '60' }).intervalSeconds).toBe(60);
  });

  it.each([
    [{ SMTP_URL: 'http://mail.example.cn' }, /SMTP_URL/],
    [{ SMTP_URL: 'mail.example.cn:25' }, /SMTP_URL/],
    [{ MAIL_FROM: 'not an address' }, /MAIL_FROM/],
    [{ REMINDER_INTERVAL_SECONDS: '-1' }, /REMINDER_INTERVAL_SECONDS/],
  ])('should fail at boot on %j, naming the variable', (env, message) => {
    expect(() => readMailConfig(env)).toThrow(message);
  });
});
