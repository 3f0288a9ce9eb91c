import { ACCUMULATIONS, CONFIDENCES, DIRECTIONS, OPERATORS } from '../target/target.types';
import { LIGHTS } from './light.types';
import { DEVIATION_REASONS, JUDGEMENTS, LIKELIHOODS } from './report-values';

// The value lists are what forms offer and what the database accepts: a change here is a change of the rules.
describe('value lists', () => {
  it('should offer the three likelihoods and five deviation reasons of the monitoring form', () => {
    expect(LIKELIHOODS).toEqual(['确定能', '有可能', '完全不可能']);
    expect(DEVIATION_REASONS).toEqual(['经费保障', '制度保障', '人员保障', '硬件条件保障', '其他']);
    expect(JUDGEMENTS).toEqual(['达成', '部分达成', '未达成']);
  });

  it('should count 无法判定 as a light of its own, apart from grey', () => {
    expect(LIGHTS).toEqual(['red', 'yellow', 'green', 'blue', 'grey', 'undetermined']);
  });

  it('should describe a target with its operator, direction, accumulation and confidence', () => {
    expect(OPERATORS).toContain('all-of');
    expect(DIRECTIONS).toEqual(['higher', 'lower', 'exact', 'none']);
    expect(ACCUMULATIONS).toHaveLength(6);
    expect(CONFIDENCES).toEqual(['explicit', 'inferred', 'unparsed']);
  });
});
