import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { AUDIT_ACTION_LABELS, REVIEW_TRANSITIONS, TREE_TRANSITIONS } from '@jixiao/domain';
import { auditChanges, describeAuditEntry, formatAuditValue } from './audit-describer';

const SRC = join(__dirname, '..', '..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') && !name.includes('.spec.') ? [path] : [];
  });
}

/** Actions written with a template: each known template and the actions it can make. */
const TEMPLATES: Record<string, string[]> = {
  '`${subject.actionPrefix}.${action}`': ['period', 'self-evaluation'].flatMap((prefix) =>
    Object.keys(REVIEW_TRANSITIONS).map((action) => `${prefix}.${action}`),
  ),
  '`${kind}.archive-by-import`': ['project', 'goal', 'indicator'].map((kind) => `${kind}.archive-by-import`),
  '`${kind}.restore-by-import`': ['project', 'goal', 'indicator'].map((kind) => `${kind}.restore-by-import`),
  '`tree.${action}`': Object.keys(TREE_TRANSITIONS).map((action) => `tree.${action}`),
  // The leader's two decisions on an adjustment (its proposal is recorded under a literal action).
  '`target-adjustment.${action}`': ['approve', 'return'].map((action) => `target-adjustment.${action}`),
};

/** Every action the code records: the literals after `action:` and the known templates. */
function recordedActions(): Set<string> {
  const actions = new Set<string>();
  for (const file of sources(SRC)) {
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      const match = /\baction: (.*)$/.exec(line);
      if (!match) continue;
      for (const literal of match[1].matchAll(/'([a-z][a-z-]*\.[a-z][a-z-]*)'/g)) actions.add(literal[1]);
      const template = /`[^`]*`/.exec(match[1]);
      if (template) {
        const known = TEMPLATES[template[0]];
        if (!known) throw new Error(`An action template nobody labelled: ${template[0]} in ${file}`);
        known.forEach((action) => actions.add(action));
      }
    }
  }
  return actions;
}

describe('audit descriptions', () => {
  it('should have a Chinese label for every action the code records', () => {
    const actions = [...recordedActions()];
    expect(actions.length).toBeGreaterThan(30);
    expect(actions).toContain('progress-report.update');
    expect(actions).toContain('period.unlock');
    expect(actions.filter((action) => !AUDIT_ACTION_LABELS[action])).toEqual([]);
  });

  it('should format money in 万元, lights, states, roles, booleans and times for people', () => {
    expect(formatAuditValue(3_500_000, { label: '', format: 'money-yuan' })).toBe('350 万元');
    expect(formatAuditValue('red', { label: '', format: 'light' })).toBe('红灯');
    expect(formatAuditValue('returned', { label: '', format: 'status' })).toBe('已退回');
    expect(formatAuditValue('lead', { label: '', format: 'role' })).toBe('项目负责人');
    expect(formatAuditValue(false, { label: '', format: 'boolean' })).toBe('否');
    expect(formatAuditValue('2025-07-31T16:30:00Z', { label: '', format: 'datetime' })).toBe(
      '2025-08-01 00:30',
    );
    expect(formatAuditValue([{ displayName: '张三' }, 'x'], { label: '', format: 'list' })).toBe('张三、x');
    expect(formatAuditValue({ a: 1 }, { label: '', format: 'text' })).toBe('{"a":1}');
    expect(formatAuditValue('', { label: '', format: 'text' })).toBeNull();
  });

  it('should name an interface language change in Chinese', () => {
    expect(formatAuditValue('en-US', { label: '', format: 'locale' })).toBe('英文');
    expect(auditChanges({ locale: null }, { locale: 'zh-CN' })).toEqual([
      { field: 'locale', label: '界面语言', before: null, after: '中文' },
    ]);
  });

  it('should list only changed, labelled fields', () => {
    expect(
      auditChanges(
        { actualRaw: '1', version: 1, light: 'red' },
        { actualRaw: '2', version: 2, light: 'red' },
      ),
    ).toEqual([{ field: 'actualRaw', label: '完成值', before: '1', after: '2' }]);
  });

  it('should write a failed login and a budget figure in words', () => {
    const subject = {
      project: '项目甲',
      indicator: null,
      goal: null,
      period: '2025-07',
      department: null,
      year: null,
      user: null,
    };
    expect(
      describeAuditEntry(
        {
          action: 'auth.login-failed',
          entity: 'user',
          actorName: 'lead04',
          before: null,
          after: { reason: 'wrong-password' },
          reason: null,
        },
        subject,
      ).summary,
    ).toBe('lead04 登录失败 原因 密码错误');
    expect(
      describeAuditEntry(
        {
          action: 'budget-execution.create',
          entity: 'budget-execution',
          actorName: null,
          before: null,
          after: { executedYuan: '1200000.00' },
          reason: null,
        },
        subject,
      ).summary,
    ).toBe('系统 填报预算执行 项目甲 · 预算执行 · 2025-07 预算执行数 120 万元');
  });
});
