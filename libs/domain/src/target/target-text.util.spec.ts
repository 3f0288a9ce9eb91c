import fc from 'fast-check';
import {
  countNumbers,
  QUANTITY,
  looksLikeUnit,
  normalizeText,
  operatorAfter,
  operatorBefore,
  readQuantity,
  readRange,
  toQuantity,
} from './target-text.util';

describe(normalizeText.name, () => {
  it.each([
    ['1040 元/ 月', '1040元/月'],
    ['》95%', '≥95%'],
    ['《5%', '≤5%'],
    ['＞90％', '>90%'],
    ['>=90%', '≥90%'],
    ['<=3次', '≤3次'],
    ['1,000人', '1000人'],
    ['1,234,567.5元', '1234567.5元'],
    ['１２，０００人', '12000人'],
    // A group starting with 0, or not of three digits, is no thousands group: the comma stays.
    ['０，111 人', '0,111人'],
    ['0,111', '0,111'],
    ['1,9000', '1,9000'],
    ['加强社会稳定。', '加强社会稳定'],
    ['《东西湖区基层党建经费使用管理办法》', '《东西湖区基层党建经费使用管理办法》'],
  ])('should normalize %j to %j', (raw, expected) => {
    expect(normalizeText(raw)).toBe(expected);
  });

  it('should keep thousands separators when asked to (a several-part value is split on them first)', () => {
    expect(normalizeText('1，900 人', { thousands: false })).toBe('1,900人');
  });
});

describe(countNumbers.name, () => {
  it.each([
    ['≥1场、≥90人', 2],
    ['及时', 0],
    ['99.5%', 1],
  ])('should count the numbers in %s as %d', (text, count) => {
    expect(countNumbers(text)).toBe(count);
  });
});

describe(readQuantity.name, () => {
  it('should split text around its number, multiplier and unit when one number is present', () => {
    expect(readQuantity('约1.2万人/年以上')).toEqual({
      before: '约',
      number: '1.2',
      multiplier: '万',
      unit: '人/年',
      after: '以上',
    });
  });

  it('should find nothing when the text holds no number', () => {
    expect(readQuantity('及时')).toBeUndefined();
  });
});

describe(readRange.name, () => {
  it('should read both ends when the text is a range', () => {
    expect(readRange('1-2万人')).toMatchObject({
      low: { number: '1' },
      high: { number: '2', multiplier: '万', unit: '人' },
    });
  });

  it('should find nothing when the text holds no range', () => {
    expect(readRange('≥90%')).toBeUndefined();
  });

  // The single regular expression readRange used to be: the reference for what a range is.
  const REFERENCE = new RegExp(`^(.*?)${QUANTITY}[-~—–至到]${QUANTITY}(.*)$`);
  const reference = (text: string) => {
    const match = REFERENCE.exec(text);
    if (!match) return undefined;
    const [, before, lowNumber, lowMultiplier, lowUnit, highNumber, highMultiplier, highUnit, after] = match;
    return {
      before,
      low: { before: '', number: lowNumber, multiplier: lowMultiplier, unit: lowUnit, after: '' },
      high: { before: '', number: highNumber, multiplier: highMultiplier, unit: highUnit, after: '' },
      after,
    };
  };

  it.each([
    '约1.5-2.5万人/年以上',
    '1.2.3-4',
    '3至5万人',
    '90%~95%',
    'a1-b2-3',
    '1-2\n次',
    '1-',
    '.5-6',
    '1.-2',
  ])('should read %j as the former single expression did', (text) => {
    expect(readRange(text)).toEqual(reference(text));
  });

  it('should read every text as the former single expression did', () => {
    const alphabet = fc.constantFrom(...'12.-~至万%人次/年约以上a\n'.split(''));
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 24 }), (chars) => {
        const text = chars.join('');
        expect(readRange(text)).toEqual(reference(text));
      }),
      { numRuns: 3000, seed: 20251126 },
    );
  });

  // The former expression backtracked over every start and end of a digit run: 20,000 digits took 0.3 s and
  // 200,000 took a minute. A synchronous test is not stopped by Jest's timeout, hence a budget far above the
  // few milliseconds a linear scan takes.
  it.each([
    ['digits', '1'.repeat(200_000), undefined],
    ['digits and dots', '1.'.repeat(100_000), undefined],
    ['digits before a range', `${'1'.repeat(200_000)}x1-2`, '1'],
  ])('should read %s of 200,000 characters in linear time', (_case, text, low) => {
    const started = performance.now();
    expect(readRange(text)?.low.number).toBe(low);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('should read a range whose lower end has 200,000 digits', () => {
    const low = '9'.repeat(200_000);
    expect(readRange(`${low}-${low}人`)).toMatchObject({ low: { number: low }, high: { unit: '人' } });
  });
});

describe(toQuantity.name, () => {
  it.each([
    [
      { before: '', number: '1.2', multiplier: '万', unit: '人/年', after: '' },
      { value: 12000, unit: '人' },
    ],
    [
      { before: '', number: '400', unit: '元/年', after: '' },
      { value: 400, unit: '元/年' },
    ],
    [
      { before: '', number: '1', multiplier: '万', after: '' },
      { value: 10000, unit: undefined },
    ],
  ])('should expand %j into %j', (parts, expected) => {
    expect(toQuantity(parts)).toEqual(expected);
  });
});

describe(operatorBefore.name, () => {
  it.each([
    ['当年满意度超过', '>', '当年满意度'],
    ['不超过', '<=', ''],
    ['全区', undefined, '全区'],
  ])('should find the operator at the end of %s', (text, operator, rest) => {
    expect(operatorBefore(text)).toEqual({ operator, rest });
  });
});

describe(operatorAfter.name, () => {
  it.each([
    ['以上的企业', '>=', '的企业'],
    ['及以下', '<=', ''],
    ['的企业', undefined, '的企业'],
  ])('should find the operator at the start of %s', (text, operator, rest) => {
    expect(operatorAfter(text)).toEqual({ operator, rest });
  });
});

describe(looksLikeUnit.name, () => {
  it.each([
    ['栋', true],
    ['工作日', false],
    ['', false],
    ['kg', false],
  ])('should treat %j as a unit: %s', (text, expected) => {
    expect(looksLikeUnit(text)).toBe(expected);
  });
});
