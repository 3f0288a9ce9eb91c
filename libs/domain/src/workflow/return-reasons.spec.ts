import { composeReturnReason, RETURN_REASONS } from './return-reasons';

describe('composeReturnReason', () => {
  it.each([
    [[], '', ''],
    [[], '  请核对  ', '请核对'],
    [['其他'], '', ''],
    [['其他'], '请核对', '请核对'],
    [['缺少佐证材料'], '', '缺少佐证材料'],
    [['缺少佐证材料', '其他'], '请补充签到表', '缺少佐证材料：请补充签到表'],
    // Picks are listed in the list's order, whatever order they were ticked in.
    [['缺少佐证材料', '完成值与佐证材料不一致'], '', '完成值与佐证材料不一致；缺少佐证材料'],
  ] as const)('should compose %j and %j into %j', (picked, text, expected) => {
    expect(composeReturnReason(picked, text)).toBe(expected);
  });

  it('should offer 其他 last', () => {
    expect(RETURN_REASONS.at(-1)).toBe('其他');
  });
});
