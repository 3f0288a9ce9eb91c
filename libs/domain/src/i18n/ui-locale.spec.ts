import { DEFAULT_UI_LOCALE, isUiLocale, uiLocaleFor } from './ui-locale';

describe(uiLocaleFor.name, () => {
  it.each([
    [['en-GB', 'zh-CN'], 'en-US'],
    [['zh-TW', 'en-US'], 'zh-CN'],
    [['fr-FR', 'EN'], 'en-US'],
    [['de', 'zh_Hans'], 'zh-CN'],
    [['fr-FR', 'ja'], 'zh-CN'],
    [[], 'zh-CN'],
  ])('should pick the first Chinese or English language of %j → %s', (languages, expected) => {
    expect(uiLocaleFor(languages)).toBe(expected);
  });
});

describe(isUiLocale.name, () => {
  it.each([
    ['zh-CN', true],
    ['en-US', true],
    ['en', false],
    ['EN-us', false],
    [null, false],
    [42, false],
  ])('should accept only the listed locales: %j → %s', (value, expected) => {
    expect(isUiLocale(value)).toBe(expected);
  });

  it('should default to Chinese', () => {
    expect(DEFAULT_UI_LOCALE).toBe('zh-CN');
  });
});
