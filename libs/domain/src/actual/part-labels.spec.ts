import { parseTarget } from '../target/target-parser';
import type { Target } from '../target/target.types';
import { partLabels } from './part-labels';

describe(partLabels.name, () => {
  const QUANTITY = { level2: '数量指标' };

  it('should name each part of a several-part target by its unit', () => {
    expect(partLabels(parseTarget('≥1 场、 ≥90 人', QUANTITY))).toEqual(['场次', '人数']);
  });

  it('should be undefined when the target has a single requirement', () => {
    expect(partLabels(parseTarget('≥90%', QUANTITY))).toBeUndefined();
  });

  it('should be undefined when an all-of target lists no parts', () => {
    expect(partLabels({ ...parseTarget('≥90%'), operator: 'all-of', parts: [] })).toBeUndefined();
  });

  it('should name dates, judgements, bare numbers and other units when parts are of those kinds', () => {
    const part = (fields: Partial<Target>): Target => ({
      raw: '',
      operator: '>=',
      direction: 'higher',
      accumulation: 'cumulative',
      confidence: 'explicit',
      ...fields,
    });
    const target = part({
      operator: 'all-of',
      parts: [
        part({ operator: 'by-date', deadline: '2025-06-30' }),
        part({ operator: 'qualitative' }),
        part({ value: 3 }),
        part({ value: 5, unit: '万元' }),
        part({ min: 1, max: 2, operator: 'between', unit: '栋' }),
      ],
    });
    expect(partLabels(target)).toEqual(['完成日期', '达成情况', '数值', '金额', '数量（栋）']);
  });
});
