import { escapeHtml, periodLabel, reportNoticeMail } from './mail-templates';
import { retryDelaySeconds } from './mail-outbox.service';

describe(reportNoticeMail.name, () => {
  const notice = {
    displayName: '张明',
    departmentName: '人社局',
    unitName: '职业技能培训',
    period: '2025-06',
    dueDate: '2025-07-10',
    reason: null,
  };

  it.each([
    ['report-returned' as const, '填报被退回', '退回原因：签到表<缺页>'],
    ['report-overdue' as const, '填报已逾期', '已过截止日 2025-07-10'],
    ['report-due' as const, '填报即将到期', '将于 2025-07-10 截止'],
  ])('should write a %s mail in Chinese, as text and as HTML', (kind, title, line) => {
    const mail = reportNoticeMail({
      ...notice,
      kind,
      reason: kind === 'report-returned' ? '签到表<缺页>' : null,
    });
    expect(mail.subject).toBe(`【绩效监控】职业技能培训 2025年6月 ${title}`);
    expect(mail.text).toContain('张明，您好：');
    expect(mail.text).toContain(line);
    expect(mail.html).toContain(escapeHtml(line));
  });

  it('should escape what people typed in the HTML body', () => {
    const mail = reportNoticeMail({
      ...notice,
      kind: 'report-returned',
      reason: '<script>alert(1)</script> & "x"',
    });
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;');
  });

  it('should name a month the Chinese way', () => {
    expect(periodLabel('2025-12')).toBe('2025年12月');
  });
});

describe(retryDelaySeconds.name, () => {
  it.each([
    [1, 60],
    [2, 120],
    [3, 240],
    [9, 15360],
    [10, 6 * 3600],
    [12, 6 * 3600],
  ])('should wait after attempt %d for %d seconds', (attempts, seconds) => {
    expect(retryDelaySeconds(attempts)).toBe(seconds);
  });
});
