import { parseTarget } from '@jixiao/domain';
import type { ProposalSource } from './carry-forward.repository';
import { proposalOf } from './carry-forward.service';

const aSource = (overrides: Partial<ProposalSource> = {}): ProposalSource => ({
  id: 'i-1',
  level1: '产出指标',
  level2: '质量指标',
  name: '就业率',
  prev1: '97%',
  target_raw: '≥90%',
  target_parsed: null,
  target_corrected: false,
  actual_raw: '97%',
  actual_value: '97',
  actual_period: '2025-11',
  ...overrides,
});

describe(proposalOf.name, () => {
  it('should write the proposed text, read in next year, with what it was proposed from', () => {
    const write = proposalOf(aSource(), 2025);
    expect(write).toMatchObject({
      id: 'i-1',
      targetRaw: '≥98%',
      targetOperator: '>=',
      targetValue: 98,
      targetCorrected: false,
      proposal: { basis: 'raised-to-actual', from: '≥90%', actual: '97%', actualPeriod: '2025-11' },
    });
  });

  it('should keep an admin’s reading of a text that does not change', () => {
    const corrected = { ...parseTarget('≥12场'), confidence: 'explicit' as const, note: '由绩效管理员更正' };
    const write = proposalOf(
      aSource({
        level2: '数量指标',
        name: '招聘会场次',
        target_raw: '≥12场',
        target_parsed: corrected,
        target_corrected: true,
        actual_raw: '10场',
        actual_value: '10',
      }),
      2025,
    );
    expect(write).toMatchObject({ targetRaw: '≥12场', targetCorrected: true, targetParsed: corrected });
    expect(write.proposal).toMatchObject({ basis: 'kept-above-actual' });
  });

  it('should read a deadline again in next year, even one an admin corrected', () => {
    const write = proposalOf(
      aSource({
        level2: '时效指标',
        name: '完成时间',
        target_raw: '年底前完成',
        target_parsed: { ...parseTarget('年底前完成', { year: 2025 }), confidence: 'explicit' },
        target_corrected: true,
        actual_raw: null,
        actual_value: null,
        actual_period: null,
      }),
      2025,
    );
    expect(write).toMatchObject({
      targetRaw: '年底前完成',
      targetDeadline: '2026-12-31',
      targetCorrected: false,
    });
    expect(write.proposal).toMatchObject({ basis: 'kept-form', actual: null });
  });
});
