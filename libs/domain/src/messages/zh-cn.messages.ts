// Every user-facing sentence of the library lives here so that a translation replaces one object.
import { LIGHT_NAMES } from '../monitoring/light-names';
import type { Light, Thresholds } from '../monitoring/light.types';

// Truncated, not rounded, so a value just below a threshold never reads as the threshold itself.
export const oneDecimal = (value: number): string => (Math.floor(value * 10 + 1e-6) / 10).toFixed(1);

export const ZH_CN_MESSAGES = {
  lightNames: LIGHT_NAMES,

  // Notes on how a target was read (Target.note).
  note: {
    empty: '指标值为空，需人工补充',
    unparsed: '无法识别的指标值，需人工确认，未作任何推断',
    typoGreaterEqual: '原文“》”按“≥”理解',
    textExtracted: '数值取自文字描述（原文已保留），请核对',
    noUnit: '未写单位，请核对金额单位，完成值须按同一单位填写',
    atLeast: (where: string): string => `未写比较符，${where}按“不低于”理解`,
    costCeiling: (where: string): string => `未写比较符，${where}按上限（不高于）理解`,
    timeLimit: '未写比较符，时限按上限（不超过）理解',
    zeroTolerance: '目标为 0，按零容忍理解：发生即未达成',
    zeroWords: '按零容忍理解：目标为 0，发生即未达成',
    relative: (base: string): string => `须高于上年值 ${base}`,
    relativeAtLeast: (base: string): string => `须不低于上年值 ${base}`,
    relativeNoBase: '须高于上年值，但上年值缺失或不是数值，需人工补充基准',
    deadlineNoYear: '截止时间未写年份，需人工补充截止日期',
    deadlineInYear: (year: number): string => `未写年份，按预算年度 ${year} 年理解`,
    deadlineNextYear: (year: number): string => `次年按预算年度的下一年 ${year} 年理解`,
    monthlyDeadline: (written: string): string => `每月截止：${written}，按月重复，需人工确认各期截止日期`,
    quarterlyDeadline: (written: string): string =>
      `每季度截止：${written}，按季度重复，需人工确认各期截止日期`,
    ratioName: '未写单位，指标名称为比率，数值按百分比理解',
    cumulative: '按年累计',
    where: {
      none: '',
      context: (level: string): string => `${level}下`,
    },
  },

  // Reasons returned by indicatorStatus / budgetStatus.
  reason: {
    notReported: '本期未填报（已逾期）',
    notYetDue: (due: string): string => `本期尚未填报（${due} 前填报）`,
    undetermined: '指标值无法识别，需绩效管理员更正指标值后才能判定（无法判定）',
    unreadableActual: (message: string): string => `完成值无法按当前指标值读取：${message}（无法判定）`,
    budgetNotReported: '截至本期尚未填报预算执行数',
    budgetZero: '当年预算为 0，无法计算执行进度（无法判定）',
    impossible: '填报人判断完全不可能完成目标',
    judgement: (judgement: string, light: Light): string => `自评为“${judgement}”（${LIGHT_NAMES[light]}）`,
    needsJudgement: '定性或缺少基准的指标需填写达成情况（达成 / 部分达成 / 未达成）',
    missingActual: '已填报但没有可比较的完成值',
    progress: (label: string, value: number, light: Light, t: Thresholds): string => {
      const shown = oneDecimal(value);
      if (light === 'red') return `${label} ${shown} 低于 ${t.yellowFrom}（红灯）`;
      if (light === 'yellow') return `${label} ${shown} 介于 ${t.yellowFrom} 与 ${t.greenFrom} 之间（黄灯）`;
      if (light === 'blue') return `${label} ${shown} 达到 ${t.blueFrom}，超进度（蓝灯）`;
      return `${label} ${shown} 达到 ${t.greenFrom}（绿灯）`;
    },
    progressLabel: '进度值',
    levelLabel: '完成比',
    budgetLabel: '预算执行进度值',
    belowBaseline: (actual: string, base: string, light: Light): string =>
      `完成值 ${actual} 未达到上年值 ${base} 的要求（${LIGHT_NAMES[light]}）`,
    withinCeiling: (actual: string, limit: string): string => `完成值 ${actual} 未超过上限 ${limit}（绿灯）`,
    overCeiling: (actual: string, limit: string): string => `完成值 ${actual} 超过上限 ${limit}（红灯）`,
    equalsStandard: (actual: string, standard: string): string =>
      `完成值 ${actual} 符合标准 ${standard}（绿灯）`,
    offStandard: (actual: string, standard: string): string =>
      `完成值 ${actual} 不符合标准 ${standard}（红灯）`,
    zeroKept: '未发生，零容忍指标（绿灯）',
    zeroBroken: (count: string): string => `已发生 ${count}，零容忍指标（红灯）`,
    aboveRange: (actual: string, max: string): string => `完成值 ${actual} 超出区间上限 ${max}（红灯）`,
    withinRange: (actual: string, min: string, max: string): string =>
      `完成值 ${actual} 在区间 ${min}–${max} 内（绿灯）`,
    doneInTime: (date: string, deadline: string): string => `已于 ${date} 完成，截止 ${deadline}（绿灯）`,
    doneLate: (date: string, deadline: string): string => `于 ${date} 完成，晚于截止 ${deadline}（红灯）`,
    pending: (deadline: string): string => `尚未完成，截止 ${deadline}（绿灯）`,
    overdue: (deadline: string): string => `已过截止 ${deadline} 仍未完成（红灯）`,
    forecastShort: '全年预计值达不到目标（至少黄灯）',
    parts: (reasons: string[]): string => reasons.join('；'),
  },

  // Explanations: the rule with the figures filled in, "进度值 = 220 ÷ (500 × 6/12) × 100 = 88.0；80 ≤ 88.0 < 120 → 绿灯".
  explain: {
    oneDecimal,
    steps: (steps: string[]): string => steps.join('；'),
    term: {
      actual: (value: string): string => `完成值 ${value}`,
      ceiling: (value: string): string => `上限 ${value}`,
      standard: (value: string): string => `标准 ${value}`,
      baseline: (value: string): string => `上年值 ${value}`,
      doneOn: (date: string): string => `完成日期 ${date}`,
      deadline: (date: string): string => `截止 ${date}`,
    },
    cumulative: (label: string, value: string, target: string, month: number, v: number): string =>
      `${label} = ${value} ÷ (${target} × ${month}/12) × 100 = ${oneDecimal(v)}`,
    ratio: (label: string, value: string, target: string, v: number): string =>
      `${label} = ${value} ÷ ${target} × 100 = ${oneDecimal(v)}`,
    band: (v: number, light: Light, t: Thresholds, allowBlue: boolean): string => {
      const shown = oneDecimal(v);
      const name = LIGHT_NAMES[light];
      if (light === 'red') return `${shown} < ${t.yellowFrom} → ${name}`;
      if (light === 'yellow') return `${t.yellowFrom} ≤ ${shown} < ${t.greenFrom} → ${name}`;
      if (light === 'blue') return `${shown} ≥ ${t.blueFrom} → ${name}`;
      return allowBlue
        ? `${t.greenFrom} ≤ ${shown} < ${t.blueFrom} → ${name}`
        : `${shown} ≥ ${t.greenFrom} → ${name}`;
    },
    notReported: (period: string): string => `${period} 无填报 → 灰灯（未填报）`,
    undetermined: (raw: string): string => `指标值“${raw}”无法识别，无从比较 → 无法判定`,
    unreadableActual: (raw: string): string => `完成值“${raw}”无法按指标值读取 → 无法判定`,
    impossible: '完成目标可能性 = 完全不可能 → 红灯',
    judgement: (judgement: string, light: Light): string => `达成情况 = ${judgement} → ${LIGHT_NAMES[light]}`,
    needsJudgement: '未评定达成情况（达成 / 部分达成 / 未达成） → 黄灯',
    missingActual: '无可比较的完成值 → 黄灯',
    compare: (left: string, sign: string, right: string, light: Light, note = ''): string =>
      `${left} ${sign} ${right}${note} → ${LIGHT_NAMES[light]}`,
    zero: (count: string, light: Light): string =>
      `发生数 ${count} ${light === 'green' ? '=' : '>'} 0（零容忍） → ${LIGHT_NAMES[light]}`,
    range: (min: string, value: string, max: string): string => `${min} ≤ ${value} ≤ ${max} → 绿灯`,
    deadlinePending: (month: number, deadline: string): string =>
      `第 ${month} 月未过截止 ${deadline}，尚未完成 → 绿灯`,
    deadlineOverdue: (month: number, deadline: string): string =>
      `第 ${month} 月已过截止 ${deadline}，未完成 → 红灯`,
    belowBaseline: (baseline: string, v: number, light: Light, t: Thresholds): string =>
      `未达到上年值 ${baseline}，${oneDecimal(v)} ${light === 'red' ? '<' : '≥'} ${t.yellowFrom} → ${LIGHT_NAMES[light]}`,
    part: (index: number, explanation: string): string => `第 ${index + 1} 项：${explanation}`,
    worstOfParts: (parts: string[], light: Light): string =>
      `${parts.join('；')}；取各项最差 → ${LIGHT_NAMES[light]}`,
    forecastShort: (before: string, forecast: string): string =>
      `${before}；全年预计 ${forecast} 达不到目标 → 降为黄灯`,
    budget: (executed: string, budget: string, month: number, v: number): string =>
      `预算执行进度值 = ${executed} ÷ (${budget} × ${month}/12) × 100 = ${oneDecimal(v)}`,
    budgetNotReported: '截至本期无预算执行数 → 灰灯（未填报）',
    budgetZero: '当年预算 = 0，无从计算执行进度 → 无法判定',
  },

  // Year-end projections (§10): the formula with its figures, the range, the light it would earn, why the method.
  projection: {
    unreadable: '指标值无法识别，不作数值预测',
    qualitative: '定性指标按达成情况评定，不作数值预测',
    deadline: '时限指标按完成日期判定，不作数值预测',
    parts: '多项要求的指标逐项判定，不作数值预测',
    noBase: '缺少可比较的基准值（如上年值），不作数值预测',
    noData: '尚无数值填报，无法推算年末值',
    methodNames: {
      pace: '全年平均进度',
      trend: '近期趋势',
      profile: '上年同期进度',
      forecast: '填报人全年预计',
    } as const,
    pace: (start: number, last: number, rate: string, total: string, left: number, value: string): string =>
      `按${start}–${last}月平均进度 ${rate}/月 推算：${total} + ${rate} × ${left} = ${value}`,
    trend: (
      window: number,
      from: number,
      last: number,
      rate: string,
      total: string,
      left: number,
      value: string,
    ): string =>
      `按近${window}月（${from}–${last}月）平均增量 ${rate}/月 推算：${total} + ${rate} × ${left} = ${value}`,
    profile: (last: number, share: string, total: string, value: string): string =>
      `按上年同期进度（上年1–${last}月完成全年的 ${share}%）推算：${total} ÷ ${share}% = ${value}`,
    forecast: (value: string): string => `采用填报人全年预计 ${value}`,
    levelPace: (last: number, latest: string): string => `按${last}月最新水平 ${latest} 保持至年末`,
    levelTrend: (
      window: number,
      from: number,
      last: number,
      change: string,
      latest: string,
      left: number,
      value: string,
    ): string =>
      `按近${window}月（${from}–${last}月）平均变化 ${change}/月 推算：${latest} + (${change}) × ${left} = ${value}`,
    levelProfile: (last: number, then: string, yearEnd: string, latest: string, value: string): string =>
      `按上年${last}月至年末的变化（${then} → ${yearEnd}）推算：${latest} × ${yearEnd} ÷ ${then} = ${value}`,
    chosen: (formula: string, range: string): string => `${formula}，${range}`,
    range: (value: string, low: string, high: string): string => `年末约 ${value}（区间 ${low}–${high}）`,
    other: (method: string, value: string): string => `${method} ${value}`,
    target: (raw: string, light: Light, judged: string): string =>
      `目标 ${raw}，预计${LIGHT_NAMES[light]}（年末判定：${judged}）`,
    budget: (budget: string, light: Light, judged: string): string =>
      `当年预算 ${budget}，预计${LIGHT_NAMES[light]}（年末判定：${judged}）`,
    whyProfile: '有上年逐月数据，按上年同期进度推算，可反映季节性',
    whyTrend: (window: number, tolerance: number): string =>
      `近${window}月趋势与全年平均进度的推算相差超过目标的 ${tolerance}%，进度已变化，采用近期趋势`,
    whyPace: (tolerance: number): string =>
      `近期趋势与全年平均进度的推算相差不超过目标的 ${tolerance}%，采用全年平均进度`,
    whyPaceOnly: (window: number): string => `连续填报不足 ${window} 个月，无法判断趋势，采用全年平均进度`,
    whyForecast: '尚无数值填报，采用填报人全年预计',
    others: (items: string[]): string => `其他方法：${items.join('，')}`,
  },

  // Consistency warning of the self-evaluation (§6).
  consistency: {
    consistent: (deviation: string): string => `指标得分与预算执行相符（偏差 ${deviation}）`,
    inconsistent: (deviation: string, tolerance: string): string =>
      `指标得分高于预算执行水平，偏差 ${deviation} 超过 ${tolerance}，需说明原因（红灯）`,
  },

  // How a self-evaluation number came about, with its figures (§6).
  scoreExplain: {
    formula: (weight: string, share: string, score: string, floored: boolean): string =>
      `得分 = ${weight} × ${share} = ${score}${floored ? '（不低于 0）' : ''}`,
    allOrNothing: (reason: string, score: string): string => `${reason} → 得分 ${score}`,
    reached: (value: string, expected: string): string => `实际 ${value} ≥ 指标值 ${expected}，达到目标`,
    notAbove: (value: string, expected: string): string => `实际 ${value} ≤ 指标值 ${expected}，达到目标`,
    doubled: (value: string, expected: string): string => `实际 ${value} ≥ 2 × 指标值 ${expected}`,
    inside: (value: string, min: string, max: string): string => `实际 ${value} 在区间 ${min}–${max} 内`,
    zero: (value: string, met: boolean): string => `指标值为 0，实际 ${value}${met ? ' ≤ 0' : ' > 0'}`,
    byDate: (date: string, deadline: string, onTime: boolean): string =>
      `完成日期 ${date}${onTime ? ' 不晚于' : ' 晚于'}截止日期 ${deadline}`,
    parts: (steps: string[], weight: string, shares: string[], score: string): string =>
      `${steps.map((step, index) => `第 ${index + 1} 项：${step}`).join('；')}；得分 = ${weight} × (${shares.join(' + ')}) ÷ ${shares.length} = ${score}`,
    band: (judgement: string, band: string): string => `定性指标评定为“${judgement}”，得分区间 ${band}`,
    picked: (band: string, score: string): string => `${band}，评定得分 ${score}`,
    budget: (
      executed: string,
      annual: string,
      rate: string,
      weight: string,
      score: string,
      capped: boolean,
    ): string =>
      `执行率 = ${executed} ÷ ${annual} × 100% = ${rate}%；得分 = ${weight} × ${executed} ÷ ${annual} = ${score}${capped ? '（不超过分值）' : ''}`,
    total: (budget: string, indicators: string, total: string, grade: string): string =>
      `总分 = 预算执行率得分 ${budget} + 指标得分 ${indicators} = ${total} → 等级“${grade}”`,
    indicators: (scores: string[], total: string): string =>
      `指标得分 = ${scores.length ? scores.join(' + ') : '0'} = ${total}`,
    consistency: (
      indicators: string,
      indicatorWeight: string,
      indicatorRate: string,
      budget: string,
      budgetWeight: string,
      budgetRate: string,
      deviation: string,
      tolerance: string,
      red: boolean,
    ): string =>
      `指标完成率 = ${indicators} ÷ ${indicatorWeight} = ${indicatorRate}；预算执行率 = ${budget} ÷ ${budgetWeight} = ${budgetRate}；偏差 = (${indicatorRate} − ${budgetRate}) ÷ ${indicatorRate} = ${deviation}${red ? ' > ' : ' ≤ '}${tolerance} → ${red ? '红灯' : '绿灯'}`,
  },

  // Problems that keep an item of the self-evaluation from being scored (§6).
  sheet: {
    targetUnparsed: '指标值尚未结构化，请绩效管理员更正指标值后再评分',
    noActual: '尚未填写实际完成值',
    pickInBand: (judgement: string, band: string): string =>
      `请在“${judgement}”的分数区间 ${band} 内评定得分`,
    pickOutside: (pick: number, judgement: string, band: string): string =>
      `评定得分 ${pick} 不在“${judgement}”的分数区间 ${band} 内`,
    departmentExecuted: '部门整体全年执行数需由绩效管理员填写',
    projectExecuted: '尚无全年执行数：请填写或先在预算执行中填报',
    noAnnualBudget: '全年预算数为 0 或缺失，无法计算执行率',
  },

  // Weight validation (§6).
  weights: {
    negative: (index: number): string => `第 ${index + 1} 个指标的分值不能为负数或非数字`,
    unknownLevel: (index: number, level1: string): string =>
      `第 ${index + 1} 个指标的一级指标“${level1}”无法归入产出、效益或满意度`,
    emptySection: (section: string, weight: number): string =>
      `${section}没有三级指标，其 ${weight} 分无法分配`,
    total: (total: number): string => `总分值为 ${total}，必须等于 100`,
  },

  sectionNames: {
    budget: '预算执行率',
    output: '产出指标（含成本指标）',
    benefit: '效益指标',
    satisfaction: '满意度指标',
  },

  // What each value of a several-part 完成值 stands for, by the part's unit ("≥1 场、≥90人" → 场次、人数).
  partLabel: {
    units: {
      场: '场次',
      人: '人数',
      人次: '人次',
      次: '次数',
      个: '个数',
      户: '户数',
      家: '家数',
      项: '项数',
      件: '件数',
      '%': '比例',
      元: '金额',
      天: '天数',
      小时: '小时数',
    } as Readonly<Record<string, string>>,
    inUnit: (unit: string): string => `数量（${unit}）`,
    number: '数值',
    date: '完成日期',
    judgement: '达成情况',
  },

  // Errors (DomainError messages).
  error: {
    unitMismatch: (actualUnit: string, targetUnit: string | undefined): string =>
      targetUnit === undefined
        ? `目标值未注明单位，无法核对完成值的单位“${actualUnit}”；请只填写数字，或先为目标补充单位`
        : `完成值单位“${actualUnit}”无法换算为目标单位“${targetUnit}”，不能比较`,
    invalidMonth: (month: number): string => `月份必须是 1 到 12 的整数，收到 ${month}`,
    invalidWeight: (weight: number): string => `分值必须是非负数，收到 ${weight}`,
    invalidBudget: '全年预算数必须大于 0，执行数不能为负数',
    missingActual: '缺少可用于评分的完成值或基准值，可改为评定达成情况（达成 / 部分达成 / 未达成）',
    missingJudgement: '该指标需评定达成情况（达成 / 部分达成 / 未达成）',
    partsMismatch: (expected: number, received: number): string =>
      `该指标有 ${expected} 项要求，完成值需按项用“、”分隔填写，收到 ${received} 项`,
    invalidThresholds: '预警阈值必须满足：黄灯起点 ≤ 绿灯起点 ≤ 蓝灯起点',
    invalidGradeBands: '等级分数线必须满足：优 > 良 > 中',
    numberRequired: (unit: string): string => `请填写数值，如 105 或 105${unit}`,
  },

  // The target-quality review (§9): each rule's title and fix hint, the findings with their figures.
  review: {
    rules: {
      'vague-target': {
        title: '指标值不可衡量：用语模糊、没有数值',
        fixHint:
          '写明数值或可核验的标准（比较符＋数值＋单位，如“≥95%”“≤30 个工作日”），避免“有所提升”“进一步加强”等表述',
      },
      'qualitative-quantity': {
        title: '数量、时效、成本指标使用了定性指标值',
        fixHint: '数量指标写明数量和单位，时效指标写明完成时限或截止日期，成本指标写明金额上限或标准',
      },
      'missing-operator': {
        title: '定量指标值未写比较符',
        fixHint: '在数值前写明“≥”“≤”“=”等比较符，避免按推断理解',
      },
      'missing-unit': {
        title: '定量指标值未写计量单位',
        fixHint: '在数值后写明计量单位（%、人、次、万元等），完成值须按同一单位填写',
      },
      'rate-over-100': {
        title: '比率类指标的百分比超过 100%',
        fixHint: '比率、覆盖率、满意度不能超过 100%，请核对数值或改用增长幅度等其他表述',
      },
      'input-as-output': {
        title: '以投入代替产出或效益',
        fixHint: '资金到位、人员配备、物资采购是投入而非结果，请改为项目实际提供的产品、服务或带来的效益',
      },
      'satisfaction-misplaced': {
        title: '满意度指标与效益指标混用',
        fixHint: '满意度只放在“满意度指标—服务对象满意度指标”下；满意度指标下只放服务对象的满意程度',
      },
      'goal-missing-level1': {
        title: '目标缺少产出、效益或满意度指标',
        fixHint: '每个绩效目标应同时设置产出指标、效益指标和满意度指标',
      },
      'goal-missing-cost': {
        title: '目标缺少成本指标',
        fixHint: '按本年度规则设置成本指标（经济成本、社会成本或生态环境成本），写明成本上限或标准',
      },
      'too-few-indicators': {
        title: '目标的三级指标少于 3 个',
        fixHint: '每个绩效目标至少设置 3 个三级指标，覆盖产出、效益和满意度',
      },
      'not-above-last-year': {
        title: '正向指标的目标值不高于上年实际',
        fixHint: '目标值应高于上年实际完成值；目标设得偏低，年终超额完成反而会被扣分',
      },
      'same-as-long-term': {
        title: '年度指标值与长期目标完全相同',
        fixHint: '年度目标是长期目标的年度分解，请按当年计划写出当年应达到的数值',
      },
      'duplicate-indicator': {
        title: '同一目标内三级指标重复',
        fixHint: '合并重复的指标，或改名以区分各自衡量的内容',
      },
      'unreadable-target': {
        title: '指标值无法识别',
        fixHint: '改写为“比较符＋数值＋单位”、截止日期或明确的定性标准，再由管理员核对结构化理解',
      },
    },
    severities: { error: '错误', warning: '警告', info: '提示' },
    finding: (name: string, message: string): string => `「${name}」：${message}`,
    vague: (target: string): string => `指标值「${target}」没有数值或可核验的标准`,
    qualitativeCost: (raw: string): string => `成本指标的指标值「${raw}」是定性表述`,
    qualitativePlace: (place: string, raw: string): string => `${place}的指标值「${raw}」是定性表述`,
    missingOperator: (raw: string, operator: string): string =>
      `指标值「${raw}」未写比较符，系统按“${operator === '<=' ? '不高于' : operator === '=' ? '等于' : '不低于'}”理解`,
    missingUnit: (raw: string): string => `指标值「${raw}」未写计量单位`,
    rateOver100: (raw: string): string => `比率的指标值「${raw}」超过 100%`,
    inputAsOutput: (level1: string): string => `资金、人员、物资是投入，却作为${level1}`,
    satisfactionElsewhere: (level1: string): string => `满意度放在了${level1}下`,
    notSatisfaction: '不是服务对象满意度，却放在满意度指标下',
    notAboveLastYear: (target: string, last: string): string => `目标 ${target} 不高于上年 ${last}`,
    unreadable: (target: string, note: string): string => `指标值「${target}」无法识别：${note}`,
    goalMissing: (levels: string[]): string => `目标缺少${levels.join('、')}`,
    goalMissingCost: '目标缺少成本指标',
    tooFew: (count: number): string => `目标只有 ${count} 个三级指标`,
    duplicate: (name: string): string => `「${name}」在本目标中重复出现`,
    sameAsLongTerm: (name: string, target: string): string =>
      `「${name}」的年度指标值「${target}」与长期目标相同`,
  },

  // Warnings on a saved report (reportWarnings): saved, but to be confirmed before submitting.
  warning: {
    unitScale: (typed: string, value: string, target: string): string =>
      `完成值“${typed}”按“万/千/亿”计为 ${value}，而目标为 ${target}，请确认单位`,
    farAboveExpected: (value: string, month: number, expected: string): string =>
      `完成值 ${value} 超过截至 ${month} 月应完成值 ${expected} 的 3 倍，请核对是否填错`,
    cumulativeDecrease: (value: string, month: number, previous: string): string =>
      `累计完成值 ${value} 低于 ${month} 月填报的 ${previous}，累计数不应减少，请核对`,
  },
  // The official monitoring form (执行监控表): the 1–X月 span and what 备注 says about each figure's source.
  form: {
    span: (month: number): string => (month === 1 ? '1月' : `1–${month}月`),
    notReported: (span: string): string => `${span}未填报`,
    earlierReport: (month: number): string => `执行情况取 ${month} 月填报（本期未填报）`,
    forecastByLead: '全年预计取填报人填写值',
    forecastProjected: (method: string): string => `全年预计为系统预测（${method}）`,
    likelihoodProjected: '完成可能性按预测提出',
    budgetNotReported: (span: string): string => `${span}执行数未填报`,
    budgetProjected: (method: string): string => `全年预计执行数为系统预测（${method}）`,
    sourcesTotalOnly: '执行数按项目合计填报，未分资金来源',
    totalLine: '合计',
    projectsTotalLine: '各项目合计',
    projectsTotal: (count: number): string => `部门整体资金为 ${count} 个项目资金之和`,
  },

  // Rules as settings (监控规则): validation of a department-year's settings and the checks they switch on.
  rules: {
    invalid: {
      object: '格式不正确',
      range: (min: number, max: number): string => `须为 ${min}–${max} 之间的数`,
      oneOf: (values: readonly string[]): string => `须为 ${values.join(' / ')} 之一`,
      greenBelowYellow: '绿灯起点不能低于黄灯起点',
      blueBelowGreen: '蓝灯起点不能低于绿灯起点',
      checkpoints: '预算执行进度节点须为列表（最多 12 个）',
      month: '月份须为 1–12 的整数',
      checkpointOrder: '进度节点须按月份递增，且要求的执行率不能低于前一节点',
      reasonLights: '须为 red、yellow 中的若干个（不重复）',
      sectionsTotal: (total: number): string =>
        `预算执行率与产出、效益、满意度分值之和须为 100，当前为 ${total}`,
      band: '得分区间须为 [下限, 上限]，取值 0–1，下限不大于上限',
      decimals: '保留小数位数须为 0–4 的整数',
    },
    checkpointMissed: (month: number, minRate: number, rate: number): string =>
      `未达到预算执行进度节点：${month} 月底应至少执行 ${minRate}%，实际 ${rate}%（红灯）`,
    dualGap: (target: string, budget: string, gap: string, limit: number): string =>
      `双监控不一致：目标完成进度 ${target} 与预算执行进度 ${budget} 相差 ${gap} 个百分点，超过 ${limit} 个百分点`,
    reasonMissing: (name: string, light: string): string => `${name}（${light}）未填写偏差原因`,
    overCompletion: (name: string, percent: string, from: number): string =>
      `${name}完成值达到目标的 ${percent}%（≥ ${from}%），须说明超额完成的原因及整改措施`,
  },
} as const;

/** A message table's shape with its sentences as plain strings: every table has exactly the keys of this one. */
type Widen<T> = T extends string
  ? string
  : T extends (...args: infer A) => infer R
    ? (...args: A) => R
    : { readonly [K in keyof T]: Widen<T[K]> };

export type DomainMessages = Widen<typeof ZH_CN_MESSAGES>;
