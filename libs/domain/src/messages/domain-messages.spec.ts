import { parseActual } from '../actual/actual-parser';
import type { Light } from '../monitoring/light.types';
import { indicatorStatus } from '../monitoring/indicator-status';
import { reportWarnings } from '../monitoring/report-warnings';
import { projectYearEnd } from '../monitoring/year-end-projection';
import { reviewIndicator } from '../review/indicator-review';
import { parseTarget } from '../target/target-parser';
import type { TargetContext } from '../target/target.types';
import { DOMAIN_MESSAGES, composeIn, messages } from './domain-messages';
import { EN_US_MESSAGES } from './en-us.messages';
import { type DomainMessages, ZH_CN_MESSAGES } from './zh-cn.messages';

type Leaf = string | ((...args: never[]) => string);

/** Every sentence of a table by its dotted key. */
function leaves(table: object, prefix = ''): Map<string, Leaf> {
  const found = new Map<string, Leaf>();
  for (const [key, value] of Object.entries(table)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'object') for (const [k, v] of leaves(value as object, path)) found.set(k, v);
    else found.set(path, value as Leaf);
  }
  return found;
}

const LIGHTS: Light[] = ['red', 'yellow', 'green', 'blue', 'grey', 'undetermined'];
const T = { yellowFrom: 60, greenFrom: 80, blueFrom: 120 };

// Arguments that reach every branch of a sentence; a sentence not listed is called with plain text arguments.
const SAMPLES: Record<string, unknown[][]> = {
  'reason.judgement': [
    ['达成', 'green'],
    ['other', 'yellow'],
  ],
  'reason.progress': LIGHTS.map((light) => ['v', 88, light, T]),
  'reason.parts': [[['a', 'b']]],
  'explain.steps': [[['a', 'b']]],
  'explain.band': [...LIGHTS.map((light) => [88, light, T, true]), [88, 'green', T, false]],
  'explain.judgement': [['部分达成', 'yellow']],
  'explain.compare': [
    ['a', '≥', 'b', 'green'],
    ['a', '≥', 'b', 'red', ' note'],
  ],
  'explain.zero': [
    ['0', 'green'],
    ['2', 'red'],
  ],
  'explain.belowBaseline': [
    ['100', 50, 'red', T],
    ['100', 70, 'yellow', T],
  ],
  'explain.worstOfParts': [[['a', 'b'], 'red']],
  'projection.others': [[['a', 'b']]],
  'form.span': [[1], [6]],
  'form.earlierReport': [[5]],
  'rules.invalid.oneOf': [[['red', 'yellow']]],
  'rules.checkpointMissed': [[6, 40, 30]],
  'scoreExplain.formula': [
    ['10', '1', '10', true],
    ['10', '1', '10', false],
  ],
  'scoreExplain.zero': [
    ['0', true],
    ['1', false],
  ],
  'scoreExplain.byDate': [
    ['d', 'e', true],
    ['d', 'e', false],
  ],
  'scoreExplain.parts': [[['a', 'b'], '10', ['1', '0.5'], '7.5']],
  'scoreExplain.band': [['未达成', '0–3']],
  'scoreExplain.budget': [
    ['1', '2', '50', '10', '5', true],
    ['1', '2', '50', '10', '5', false],
  ],
  'scoreExplain.total': [['10', '80', '90', '优']],
  'scoreExplain.indicators': [
    [['1', '2'], '3'],
    [[], '0'],
  ],
  'scoreExplain.consistency': [
    [...'abcdefgh'.split(''), true],
    [...'abcdefgh'.split(''), false],
  ],
  'error.unitMismatch': [
    ['u', undefined],
    ['u', 'v'],
  ],
  'review.missingOperator': [
    ['a', '<='],
    ['a', '='],
    ['a', '>='],
  ],
  'review.goalMissing': [[['产出指标', 'other']]],
  'review.qualitativePlace': [['数量指标', 'a']],
};

// English sentences that quote the Chinese of the document on purpose (万/千/亿, the separator “、”, “》”).
const QUOTES_CHINESE = new Set([
  'warning.unitScale',
  'error.partsMismatch',
  'note.typoGreaterEqual',
  'review.rules.missing-unit.fixHint',
]);
const HAN = /[\u4e00-\u9fff]/;

function compose(table: DomainMessages, path: string, args: unknown[]): string {
  const leaf = leaves(table).get(path) as Leaf;
  return typeof leaf === 'string' ? leaf : (leaf as (...a: unknown[]) => string)(...args);
}

describe('domain message tables', () => {
  const zh = leaves(ZH_CN_MESSAGES);
  const en = leaves(EN_US_MESSAGES);

  it('should have every key in both tables, of the same kind', () => {
    expect([...en.keys()].sort()).toEqual([...zh.keys()].sort());
    for (const [path, leaf] of zh) expect(`${path}: ${typeof en.get(path)}`).toBe(`${path}: ${typeof leaf}`);
  });

  it.each([...zh.keys()])('should compose %s in both languages, the English without Chinese', (path) => {
    const leaf = zh.get(path) as Leaf;
    const plain = typeof leaf === 'function' ? Array.from({ length: leaf.length }, (_, i) => `x${i}`) : [];
    for (const args of SAMPLES[path] ?? [plain]) {
      const chinese = compose(ZH_CN_MESSAGES, path, args);
      const english = compose(EN_US_MESSAGES, path, args);
      expect(typeof chinese).toBe('string');
      if (english !== '' && !QUOTES_CHINESE.has(path) && path !== 'explain.oneDecimal')
        expect(english).not.toMatch(HAN);
    }
  });

  it('should translate the stored values a sentence quotes', () => {
    expect(EN_US_MESSAGES.reason.judgement('达成', 'green')).toBe(
      'Self-assessed as “achieved” (green light)',
    );
    expect(EN_US_MESSAGES.review.goalMissing(['效益指标', '满意度指标'])).toBe(
      'The goal has no benefit indicators, satisfaction indicators',
    );
  });
});

describe(composeIn.name, () => {
  const QUANTITY: TargetContext = { level1: '产出指标', level2: '数量指标' };
  const target = parseTarget('500人', QUANTITY);
  const june = { year: 2025, month: 6 };
  const light = () => indicatorStatus(target, { actual: parseActual('220人', target) }, june);

  it('should compose a light explanation in English, and in Chinese outside it', () => {
    expect(composeIn('en-US', light).explanation).toBe(
      'Progress = 220 ÷ (500 × 6/12) × 100 = 88.0; 80 ≤ 88.0 < 120 → green light',
    );
    expect(composeIn('en-US', light).reason).toBe('Progress 88.0 reaches 80 (green light)');
    expect(light().explanation).toBe('进度值 = 220 ÷ (500 × 6/12) × 100 = 88.0；80 ≤ 88.0 < 120 → 绿灯');
  });

  it('should compose an entry warning in English', () => {
    const staff = parseTarget('≥80人');
    const warnings = composeIn('en-US', () =>
      reportWarnings(staff, { actual: parseActual('1.2万', staff) }, null, { month: 12 }),
    );
    expect(warnings[0].message).toBe(
      'The actual “1.2万” reads 12000人 with 万/千/亿, while the target is 80人; please check the unit',
    );
  });

  it('should compose a projection explanation in English', () => {
    const series = [100, 200, 300, 400, 500, 600].map((value, index) => ({ month: index + 1, value }));
    const result = composeIn('en-US', () => projectYearEnd(series, parseTarget('≥1000人', QUANTITY), june));
    expect(result.projection?.explanation).toMatch(
      /^From the average pace of months 1–6, 100\/month: 600 \+ 100 × 6 = 1200, about 1200 at year end .*; Target ≥1000人, expected blue light/,
    );
  });

  it('should compose a review finding in English, title and hint included', () => {
    const [finding] = composeIn(EN_US_MESSAGES, () =>
      reviewIndicator({ level1: '产出指标', level2: '数量指标', name: '培训人数', target: '有所提升' }),
    );
    expect(finding).toMatchObject({
      ruleId: 'vague-target',
      title: 'The target cannot be measured: vague wording, no number',
      message: '“培训人数”: The target “有所提升” has no number or verifiable standard',
    });
  });

  it('should restore the previous table even when the composing function throws', () => {
    expect(() =>
      composeIn('en-US', () => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(messages()).toBe(ZH_CN_MESSAGES);
    expect(DOMAIN_MESSAGES['en-US']).toBe(EN_US_MESSAGES);
  });
});
