import { chineseNumeral } from './chinese-numeral.util';

describe(chineseNumeral.name, () => {
  it.each<[string, string]>([
    ['零', '0'],
    ['一', '1'],
    ['十', '10'],
    ['十二', '12'],
    ['二十', '20'],
    ['九十', '90'],
    ['一百零五', '105'],
    ['三百六', '360'],
    ['三百六十五', '365'],
    ['两千', '2000'],
    ['两千五', '2500'],
    ['一千零五', '1005'],
    ['一千零五十', '1050'],
    ['〇', '0'],
    ['一万', '10000'],
    ['一万二', '12000'],
    ['一万二千', '12000'],
    ['一万零五', '10005'],
    ['十万', '100000'],
    ['三十万', '300000'],
    ['一亿五', '150000000'],
    ['一亿二千万', '120000000'],
    ['三点五', '3.5'],
    ['零点八', '0.8'],
  ])('should read %s as %s', (text, digits) => {
    expect(chineseNumeral(text)).toBe(digits);
  });

  it.each([
    '',
    '万',
    '点五',
    '二二',
    '百',
    '十十',
    '一万亿',
    '零万',
    '三点',
    '三点五点六',
    '三点十',
    '一万零',
  ])('should not read "%s" as a number', (text) => {
    expect(chineseNumeral(text)).toBeUndefined();
  });
});
