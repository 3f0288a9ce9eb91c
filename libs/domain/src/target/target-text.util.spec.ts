import {
  countNumbers,
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
    ['加强社会稳定。', '加强社会稳定'],
    ['《东西湖区基层党建经费使用管理办法》', '《东西湖区基层党建经费使用管理办法》'],
  ])('should normalize %j to %j', (raw, expected) => {
    expect(normalizeText(raw)).toBe(expected);
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
