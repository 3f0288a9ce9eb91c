import { parseTarget } from '@jixiao/domain';

import { previewEvaluation, previewItem } from './score-preview';
import { anEvaluation, anItem } from './testing/self-evaluation-builders';

const TEXTS = { noActual: '尚未填写实际完成值', outOfBand: (band: string) => `得分须在 ${band} 内` };

describe('previewItem', () => {
  it.each([
    { target: '≥ 90%', actual: '81%', weight: 10, score: 9 },
    { target: '≤48 小时', actual: '60小时', weight: 10, score: 7.5 },
    { target: '13 套', actual: '13套', weight: 20, score: 20 },
  ])('should score $actual against $target as libs/domain does', ({ target, actual, weight, score }) => {
    const item = anItem({
      targetRaw: target,
      target: parseTarget(target, { level1: '产出指标', level2: '数量指标' }),
    });

    expect(previewItem(item, { actual, weight, score: null, deviation: '' }, TEXTS).score).toBe(score);
  });

  it.each([
    { pick: 8, score: 8 },
    { pick: 10, score: 10 },
    { pick: 7.99, score: null },
    { pick: null, score: null },
  ])('should accept a 达成 pick of $pick only inside [8, 10]', ({ pick, score }) => {
    const item = anItem({
      targetRaw: '保障',
      target: parseTarget('保障', { level1: '效益指标', level2: '社会效益指标' }),
    });

    const preview = previewItem(item, { actual: '达成', weight: 10, score: pick, deviation: '' }, TEXTS);

    expect(preview.band).toEqual([8, 10]);
    expect(preview.score).toBe(score);
    if (score === null) expect(preview.problem).toBe('得分须在 [8, 10] 内');
  });

  it('should explain a missing actual', () => {
    expect(
      previewItem(anItem(), { actual: ' ', weight: 10, score: null, deviation: '' }, TEXTS).problem,
    ).toBe('尚未填写实际完成值');
  });
});

describe('previewEvaluation', () => {
  it('should give the total, grade and weight check once every row and the budget are scored', () => {
    const evaluation = anEvaluation();
    const drafts = [
      { actual: '100%', weight: 50, score: null, deviation: '' },
      { actual: '达成', weight: 30, score: 28, deviation: '' },
      { actual: '95%', weight: 10, score: null, deviation: '' },
    ];

    const preview = previewEvaluation(evaluation, drafts, 450_000, TEXTS);

    expect(preview.items.map((item) => item.score)).toEqual([50, 28, 10]);
    expect(preview.budgetScore).toBe(9);
    expect(preview.indicatorScore).toBe(88);
    expect(preview.total).toBe(97);
    expect(preview.grade).toBe('优');
    expect(preview.weightCheck.valid).toBe(true);
  });

  it('should withhold the total when the weights do not add up to 100', () => {
    const evaluation = anEvaluation();
    const drafts = evaluation.items.map((item, index) => ({
      actual: '100%',
      weight: index === 0 ? item.weight + 5 : item.weight,
      score: null,
      deviation: '',
    }));

    const preview = previewEvaluation(evaluation, drafts, 450_000, TEXTS);

    expect(preview.weightCheck.total).toBe(105);
    expect(preview.weightCheck.valid).toBe(false);
    expect(preview.total).toBeNull();
  });
});
