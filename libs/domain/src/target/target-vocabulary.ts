// Words that targets use instead of numbers. Matching is on whole, normalized text, so a sentence that merely
// contains one of these words ("给予生活困难补助，加强社会稳定") stays unparsed instead of being guessed.

// Leading verbs that do not change the meaning: "确保及时发放" reads as "及时发放".
export const LEADING_VERBS = /^(?:确保|保证|力争|争取|实现)/;

// 定性 targets judged as 达成 / 部分达成 / 未达成.
// prettier-ignore
export const QUALITATIVE_WORDS: ReadonlySet<string> = new Set([
  '及时', '按时', '准时', '明显', '显著', '保障', '良好', '优良', '优秀', '较好', '规范', '稳定', '正常', '有效',
  '达标', '合格', '完成', '满意', '到位', '落实', '全覆盖', '安全', '达到预期', '符合要求', '符合标准', '符合规定',
  '保持稳定', '正常运行', '运行正常', '逐步完善', '不断完善',
]);

// prettier-ignore
export const QUALITATIVE_PATTERNS: readonly RegExp[] = [
  // improvement words: 有所提升, 明显改善, 提高
  /^(?:明显|显著|有所|逐步|不断|进一步|持续|大幅|稳步)?(?:提升|提高|改善|增强|加强|优化|完善|好转|下降|减少|降低)$/,
  // compliance: 按标准发放, 按合同金额支付, 按政策规定执行, 按文件标准
  /^按照?.{0,10}(?:标准|规定|合同|政策|文件|要求|计划|程序|约定|比例|实际)(?:.{0,8})$/,
  // timeliness: 按时发放, 及时支付, 足额发放
  /^(?:及时|按时|准时|按期|如期|足额|全额|全部|全面)(?:.{0,8})$/,
  // within a set time: 在规定时间内发放, 在合同规定的时间内支付
  /^在?.{0,10}(?:规定|要求|约定|合同|期限|时限).{0,8}内(?:.{0,6})$/,
  // assigned tasks: 完成市级下达任务, 完成系统认定人数待遇发放
  /^完成.{0,12}(?:任务|下达|认定|目标|计划|工作|要求)(?:.{0,8})$/,
];

// Relative to the previous year's value: strictly higher.
export const RELATIVE_HIGHER = [
  /^(?:稳步|持续|逐年)(?:增长|增加|上升)$/,
  /^(?:逐年|同比|较上年度?|比上年度?)(?:增长|增加|上升|提高|提升)$/,
  /^(?:高于|好于)(?:上年度?|去年)(?:水平)?$/,
];

// Relative to the previous year's value: not lower.
export const RELATIVE_AT_LEAST = [/^(?:不低于|不少于)(?:上年度?|去年)(?:水平)?$/, /^只增不减$/];

// Zero tolerance written in words: 杜绝, 零发生, 无重大安全事故.
export const ZERO_WORDS = /^(?:零|杜绝|零发生)$|^(?:无|杜绝|不发生|未发生|零)(.{2,})$/;

// Words around a date that mark it as a deadline.
export const DEADLINE_WORDS = /截止|截至|之前|以前|前|完成|办结|完工|结束|止/g;
export const DEADLINE_MARKER = /截止|截至|前|完成|办结|完工|结束|止|底|末|内/;

// A deadline without a year ("年底前完成"): structured as by-date, the date left for an admin to fill in.
export const DEADLINE_WITHOUT_YEAR =
  /^(?:年底|年末|年内|年度内|本年度?内?|当年)(?:前|之前)?(?:完成|办结|完工)?$/;

// Names of ratio indicators (完成率, 占比): a bare number there is a percentage.
export const RATIO_NAME = /(?:率|占比|比例|覆盖面)$/;

// Names of indicators whose time value is a limit (响应时间 ≤ 48 小时) or a volume of work (服务时长 1.5 万小时).
export const TIME_LIMIT_NAME = /(?:时限|时间|用时|耗时|周期|时效|响应|办结|等待)/;
export const TIME_VOLUME_NAME = /(?:时长|时数|课时|学时|工时|天数)/;
