import { readFileSync } from 'fs';
import { join } from 'path';
import type { BudgetDocument } from '../document/budget-document.types';
import { reviewGoal, reviewTree } from './target-review';
import {
  countBySeverity,
  isReviewRuleId,
  REVIEW_RULES,
  REVIEW_SEVERITY_LABELS,
  ruleEnabled,
} from './target-review-rules';
import { REVIEW_RULE_IDS, type ReviewGoal, type ReviewIndicator } from './target-review.types';

const row = (level1: string, level2: string, name: string, target: string): ReviewIndicator => ({
  level1,
  level2,
  name,
  target,
});

const OUTPUT = row('产出指标', '数量指标', '培训人数', '≥3000人');
const BENEFIT = row('效益指标', '社会效益指标', '就业率', '≥95%');
const SATISFIED = row('满意度指标', '服务对象满意度指标', '服务对象满意度', '≥90%');
const COST = row('成本指标', '经济成本指标', '人均成本', '≤200元');

const goal = (indicators: ReviewIndicator[], term: ReviewGoal['term'] = 'annual'): ReviewGoal => ({
  term,
  indicators,
});

describe(reviewGoal.name, () => {
  it('should find nothing in a complete goal', () => {
    expect(reviewGoal(goal([COST, OUTPUT, BENEFIT, SATISFIED]))).toEqual([]);
  });

  describe('goal-missing-level1', () => {
    it.each([
      ['满意度 (the seed’s 党建 annual goal)', [COST, OUTPUT, BENEFIT], '目标缺少满意度指标'],
      ['效益 and 满意度', [OUTPUT, OUTPUT, COST], '目标缺少效益指标、满意度指标'],
      ['everything', [], '目标缺少产出指标、效益指标、满意度指标'],
    ])('should name the missing %s', (_label, indicators, message) => {
      const found = reviewGoal(goal(indicators)).find((f) => f.ruleId === 'goal-missing-level1');
      expect(found).toMatchObject({ severity: 'error', message, indicatorIndex: null });
    });
  });

  describe('goal-missing-cost', () => {
    it('should stay off unless the year’s rules switch it on', () => {
      const indicators = [OUTPUT, BENEFIT, SATISFIED];
      expect(reviewGoal(goal(indicators))).toEqual([]);
      expect(reviewGoal(goal(indicators), { switches: { 'goal-missing-cost': true } })).toEqual([
        expect.objectContaining({ ruleId: 'goal-missing-cost', message: '目标缺少成本指标' }),
      ]);
    });

    it('should accept a goal with a 成本 indicator when switched on', () => {
      expect(
        reviewGoal(goal([COST, OUTPUT, BENEFIT, SATISFIED]), { switches: { 'goal-missing-cost': true } }),
      ).toEqual([]);
    });
  });

  describe('too-few-indicators', () => {
    it.each([
      [0, []],
      [2, [OUTPUT, BENEFIT]],
    ])('should flag a goal with %i indicators', (count, indicators) => {
      const found = reviewGoal(goal(indicators)).find((f) => f.ruleId === 'too-few-indicators');
      expect(found?.message).toBe(`目标只有 ${count} 个三级指标`);
    });

    it('should accept three', () => {
      expect(reviewGoal(goal([OUTPUT, BENEFIT, SATISFIED])).map((f) => f.ruleId)).not.toContain(
        'too-few-indicators',
      );
    });
  });

  describe('duplicate-indicator', () => {
    it.each([
      ['the same name', [OUTPUT, BENEFIT, SATISFIED, { ...OUTPUT, target: '≥4000人' }], 3],
      ['a name split by a line break', [OUTPUT, BENEFIT, SATISFIED, { ...OUTPUT, name: '培训 人数' }], 3],
    ])('should flag %s on the repeated row', (_label, indicators, index) => {
      const found = reviewGoal(goal(indicators)).filter((f) => f.ruleId === 'duplicate-indicator');
      expect(found).toEqual([expect.objectContaining({ indicatorIndex: index, severity: 'error' })]);
    });

    it('should accept different names', () => {
      expect(reviewGoal(goal([OUTPUT, BENEFIT, SATISFIED, { ...OUTPUT, name: '培训场次' }]))).toEqual([]);
    });
  });

  it('should put each indicator’s findings on its index', () => {
    const vague = row('效益指标', '社会效益指标', '保障业务正常开展', '保障');
    expect(reviewGoal(goal([OUTPUT, vague, SATISFIED]))).toEqual([
      expect.objectContaining({ ruleId: 'vague-target', indicatorIndex: 1 }),
    ]);
  });

  it('should skip goal rules the department-year switched off', () => {
    const switches = {
      'goal-missing-level1': false,
      'too-few-indicators': false,
      'duplicate-indicator': false,
    };
    expect(reviewGoal(goal([OUTPUT, OUTPUT]), { switches })).toEqual([]);
  });
});

describe(reviewTree.name, () => {
  const longTerm = goal([OUTPUT, BENEFIT, SATISFIED], 'long');

  it('should flag an annual target identical to the long-term one (same-as-long-term)', () => {
    const annual = goal([
      { ...OUTPUT, target: '≥ 3000 人' },
      { ...BENEFIT, target: '≥96%' },
      { ...SATISFIED, target: '' },
    ]);
    const findings = reviewTree([longTerm, annual]).filter((f) => f.ruleId === 'same-as-long-term');
    expect(findings).toEqual([
      expect.objectContaining({ goalIndex: 1, indicatorIndex: 0, severity: 'info' }),
    ]);
  });

  it('should not compare long-term goals with themselves, nor when switched off', () => {
    expect(reviewTree([longTerm, longTerm])).toEqual([]);
    expect(
      reviewTree([longTerm, goal([OUTPUT, BENEFIT, SATISFIED])], {
        switches: { 'same-as-long-term': false },
      }),
    ).toEqual([]);
  });

  it('should order goal findings before indicator findings, goal by goal', () => {
    const vague = row('效益指标', '社会效益指标', '保障业务正常开展', '保障');
    const findings = reviewTree([goal([vague, OUTPUT]), goal([vague])]);
    expect(findings.map((f) => [f.goalIndex, f.indicatorIndex, f.ruleId])).toEqual([
      [0, null, 'goal-missing-level1'],
      [0, null, 'too-few-indicators'],
      [0, 0, 'vague-target'],
      [1, null, 'goal-missing-level1'],
      [1, null, 'too-few-indicators'],
      [1, 0, 'vague-target'],
    ]);
  });

  describe('the seed (seeds/031-2025.json)', () => {
    const seed = JSON.parse(
      readFileSync(join(__dirname, '../../../../seeds/031-2025.json'), 'utf8'),
    ) as BudgetDocument;
    const project = (prefix: string) => seed.projects.find((p) => p.name.startsWith(prefix))!;

    it('should flag 信息化建设’s long-term 保障业务正常开展 with the target 保障', () => {
      const findings = reviewTree(project('信息化建设').goals, { year: seed.year });
      const vague = findings.find((f) => f.ruleId === 'vague-target' && f.goalIndex === 0);
      expect(vague?.message).toBe('「保障业务正常开展」：指标值「保障」没有数值或可核验的标准');
    });

    it('should flag project (9)’s 给予生活困难补助，加强社会稳定。 as unreadable', () => {
      const nine = seed.projects.find((p) => p.source.section === 9)!;
      const findings = reviewTree(nine.goals, { year: seed.year }).filter(
        (f) => f.ruleId === 'unreadable-target',
      );
      expect(findings).toHaveLength(1);
      expect(findings[0].message).toContain('给予生活困难补助');
    });

    it('should flag the 党建 annual goal for lacking 满意度', () => {
      const party = project('党建');
      const findings = reviewTree(party.goals, { year: seed.year }).filter(
        (f) => f.ruleId === 'goal-missing-level1',
      );
      expect(findings.map((f) => [party.goals[f.goalIndex].term, f.message])).toEqual([
        ['annual', '目标缺少满意度指标'],
      ]);
    });
  });
});

describe('the rule table', () => {
  it('should hold every rule id once, with a Chinese title and fix hint', () => {
    expect(REVIEW_RULES.map((r) => r.id)).toEqual([...REVIEW_RULE_IDS]);
    for (const rule of REVIEW_RULES) {
      expect(rule.title).toMatch(/[\u4e00-\u9fa5]/);
      expect(rule.fixHint).toMatch(/[\u4e00-\u9fa5]/);
    }
  });

  it('should tell rule ids from other text', () => {
    expect(isReviewRuleId('vague-target')).toBe(true);
    expect(isReviewRuleId('no-such-rule')).toBe(false);
  });

  it('should let a switch override a rule’s default', () => {
    expect(ruleEnabled('vague-target')).toBe(true);
    expect(ruleEnabled('vague-target', { 'vague-target': false })).toBe(false);
    expect(ruleEnabled('goal-missing-cost')).toBe(false);
  });

  it('should count findings by severity', () => {
    expect(countBySeverity([{ severity: 'error' }, { severity: 'info' }, { severity: 'error' }])).toEqual({
      error: 2,
      warning: 0,
      info: 1,
      total: 3,
    });
    expect(REVIEW_SEVERITY_LABELS.warning).toBe('警告');
  });
});
