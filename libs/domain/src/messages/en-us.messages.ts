// The library's sentences in English, for English screens (docs/domain.md §12): the same keys as the Chinese
// table (a missing or extra key fails to compile). Values of the published document (targets, units, indicator
// names, judgements as stored) are quoted as written; the words around them are English.
import type { Light, Thresholds } from '../monitoring/light.types';
import { type DomainMessages, oneDecimal } from './zh-cn.messages';

const LIGHTS: Readonly<Record<Light, string>> = {
  red: 'red',
  yellow: 'yellow',
  green: 'green',
  blue: 'blue',
  grey: 'grey',
  undetermined: 'undetermined',
};

// The stored Chinese values a sentence may quote: judgements (达成情况), likelihoods and grades.
const VALUES: Readonly<Record<string, string>> = {
  达成: 'achieved',
  部分达成: 'partly achieved',
  未达成: 'not achieved',
  确定能: 'certain',
  有可能: 'possible',
  完全不可能: 'impossible',
  优: 'excellent',
  良: 'good',
  中: 'fair',
  差: 'poor',
  产出指标: 'output indicators',
  效益指标: 'benefit indicators',
  满意度指标: 'satisfaction indicators',
  成本指标: 'cost indicators',
  数量指标: 'quantity indicators',
  质量指标: 'quality indicators',
  时效指标: 'timeliness indicators',
};
const value = (text: string): string => VALUES[text] ?? text;
const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;
const lightOf = (light: Light): string => `${LIGHTS[light]} light`;

export const EN_US_MESSAGES: DomainMessages = {
  lightNames: {
    red: 'Red',
    yellow: 'Yellow',
    green: 'Green',
    blue: 'Blue',
    grey: 'Grey',
    undetermined: 'Undetermined',
  },

  note: {
    empty: 'The target is empty and must be filled in by hand',
    unparsed: 'The target could not be read; confirm it by hand (nothing was inferred)',
    typoGreaterEqual: 'The “》” written was read as “≥”',
    textExtracted: 'The number was taken from the wording (kept as written); please check it',
    noUnit: 'No unit written; check the money unit, actuals must be entered in the same unit',
    atLeast: (where: string): string => `No comparison written; ${where}read as “at least”`,
    costCeiling: (where: string): string => `No comparison written; ${where}read as a ceiling (at most)`,
    timeLimit: 'No comparison written; the time limit is read as a ceiling (at most)',
    zeroTolerance: 'The target is 0, read as zero tolerance: any occurrence misses it',
    zeroWords: 'Read as zero tolerance: the target is 0, any occurrence misses it',
    relative: (base: string): string => `Must be above last year's ${base}`,
    relativeAtLeast: (base: string): string => `Must be at least last year's ${base}`,
    relativeNoBase:
      "Must be above last year's value, but it is missing or not a number; add the baseline by hand",
    deadlineNoYear: 'The deadline has no year; add the date by hand',
    deadlineInYear: (year: number): string => `No year written; read as the budget year ${year}`,
    deadlineNextYear: (year: number): string => `“Next year” read as the year after the budget year, ${year}`,
    monthlyDeadline: (written: string): string =>
      `Monthly deadline: ${written}, repeated each month; confirm each period's deadline by hand`,
    quarterlyDeadline: (written: string): string =>
      `Quarterly deadline: ${written}, repeated each quarter; confirm each period's deadline by hand`,
    ratioName: 'No unit written; the indicator is a ratio, so the number is read as a percentage',
    cumulative: 'Cumulative over the year',
    where: {
      none: '',
      context: (level: string): string => `under ${level}, `,
    },
  },

  reason: {
    notReported: 'Not reported this period (overdue)',
    notYetDue: (due: string): string => `Not reported yet this period (due by ${due})`,
    undetermined:
      'The target could not be read; a performance administrator must correct it before a light can be given (undetermined)',
    unreadableActual: (message: string): string =>
      `The actual cannot be read against the current target: ${message} (undetermined)`,
    budgetNotReported: 'No budget spending reported up to this period',
    budgetZero: "This year's budget is 0, so spending progress cannot be computed (undetermined)",
    impossible: 'The reporter judged the target impossible to reach',
    judgement: (judgement: string, light: Light): string =>
      `Self-assessed as “${value(judgement)}” (${lightOf(light)})`,
    needsJudgement:
      'Qualitative indicators and those without a baseline need an assessment (achieved / partly achieved / not achieved)',
    missingActual: 'Reported, but without an actual that can be compared',
    progress: (label: string, v: number, light: Light, t: Thresholds): string => {
      const shown = oneDecimal(v);
      if (light === 'red') return `${label} ${shown} is below ${t.yellowFrom} (red light)`;
      if (light === 'yellow')
        return `${label} ${shown} is between ${t.yellowFrom} and ${t.greenFrom} (yellow light)`;
      if (light === 'blue') return `${label} ${shown} reaches ${t.blueFrom}, ahead of schedule (blue light)`;
      return `${label} ${shown} reaches ${t.greenFrom} (green light)`;
    },
    progressLabel: 'Progress',
    levelLabel: 'Completion ratio',
    budgetLabel: 'Budget progress',
    belowBaseline: (actual: string, base: string, light: Light): string =>
      `Actual ${actual} does not reach last year's ${base} (${lightOf(light)})`,
    withinCeiling: (actual: string, limit: string): string =>
      `Actual ${actual} does not exceed the ceiling ${limit} (green light)`,
    overCeiling: (actual: string, limit: string): string =>
      `Actual ${actual} exceeds the ceiling ${limit} (red light)`,
    equalsStandard: (actual: string, standard: string): string =>
      `Actual ${actual} meets the standard ${standard} (green light)`,
    offStandard: (actual: string, standard: string): string =>
      `Actual ${actual} does not meet the standard ${standard} (red light)`,
    zeroKept: 'Nothing occurred, zero-tolerance indicator (green light)',
    zeroBroken: (count: string): string => `${count} occurred, zero-tolerance indicator (red light)`,
    aboveRange: (actual: string, max: string): string =>
      `Actual ${actual} is above the range's upper limit ${max} (red light)`,
    withinRange: (actual: string, min: string, max: string): string =>
      `Actual ${actual} is within the range ${min}–${max} (green light)`,
    doneInTime: (date: string, deadline: string): string =>
      `Done on ${date}, deadline ${deadline} (green light)`,
    doneLate: (date: string, deadline: string): string =>
      `Done on ${date}, after the deadline ${deadline} (red light)`,
    pending: (deadline: string): string => `Not done yet, deadline ${deadline} (green light)`,
    overdue: (deadline: string): string => `Past the deadline ${deadline} and not done (red light)`,
    forecastShort: 'The full-year forecast falls short of the target (at least yellow)',
    parts: (reasons: string[]): string => reasons.join('; '),
  },

  explain: {
    oneDecimal,
    steps: (steps: string[]): string => steps.join('; '),
    term: {
      actual: (v: string): string => `actual ${v}`,
      ceiling: (v: string): string => `ceiling ${v}`,
      standard: (v: string): string => `standard ${v}`,
      baseline: (v: string): string => `last year ${v}`,
      doneOn: (date: string): string => `done on ${date}`,
      deadline: (date: string): string => `deadline ${date}`,
    },
    cumulative: (label: string, v: string, target: string, month: number, result: number): string =>
      `${label} = ${v} ÷ (${target} × ${month}/12) × 100 = ${oneDecimal(result)}`,
    ratio: (label: string, v: string, target: string, result: number): string =>
      `${label} = ${v} ÷ ${target} × 100 = ${oneDecimal(result)}`,
    band: (v: number, light: Light, t: Thresholds, allowBlue: boolean): string => {
      const shown = oneDecimal(v);
      const name = lightOf(light);
      if (light === 'red') return `${shown} < ${t.yellowFrom} → ${name}`;
      if (light === 'yellow') return `${t.yellowFrom} ≤ ${shown} < ${t.greenFrom} → ${name}`;
      if (light === 'blue') return `${shown} ≥ ${t.blueFrom} → ${name}`;
      return allowBlue
        ? `${t.greenFrom} ≤ ${shown} < ${t.blueFrom} → ${name}`
        : `${shown} ≥ ${t.greenFrom} → ${name}`;
    },
    notReported: (period: string): string => `${period} not reported → grey light (not reported)`,
    undetermined: (raw: string): string =>
      `The target “${raw}” cannot be read, nothing to compare → undetermined`,
    unreadableActual: (raw: string): string =>
      `The actual “${raw}” cannot be read against the target → undetermined`,
    impossible: 'Likelihood of reaching the target = impossible → red light',
    judgement: (judgement: string, light: Light): string =>
      `Assessment = ${value(judgement)} → ${lightOf(light)}`,
    needsJudgement: 'Not assessed (achieved / partly achieved / not achieved) → yellow light',
    missingActual: 'No actual to compare → yellow light',
    compare: (left: string, sign: string, right: string, light: Light, note = ''): string =>
      `${left} ${sign} ${right}${note} → ${lightOf(light)}`,
    zero: (count: string, light: Light): string =>
      `Occurrences ${count} ${light === 'green' ? '=' : '>'} 0 (zero tolerance) → ${lightOf(light)}`,
    range: (min: string, v: string, max: string): string => `${min} ≤ ${v} ≤ ${max} → green light`,
    deadlinePending: (month: number, deadline: string): string =>
      `Month ${month} is before the deadline ${deadline}, not done yet → green light`,
    deadlineOverdue: (month: number, deadline: string): string =>
      `Month ${month} is past the deadline ${deadline}, not done → red light`,
    belowBaseline: (baseline: string, v: number, light: Light, t: Thresholds): string =>
      `Below last year's ${baseline}, ${oneDecimal(v)} ${light === 'red' ? '<' : '≥'} ${t.yellowFrom} → ${lightOf(light)}`,
    part: (index: number, explanation: string): string => `Part ${index + 1}: ${explanation}`,
    worstOfParts: (parts: string[], light: Light): string =>
      `${parts.join('; ')}; the worst part decides → ${lightOf(light)}`,
    forecastShort: (before: string, forecast: string): string =>
      `${before}; the full-year forecast ${forecast} falls short of the target → lowered to yellow light`,
    budget: (executed: string, budget: string, month: number, v: number): string =>
      `Budget progress = ${executed} ÷ (${budget} × ${month}/12) × 100 = ${oneDecimal(v)}`,
    budgetNotReported: 'No budget spending up to this period → grey light (not reported)',
    budgetZero: "This year's budget = 0, spending progress cannot be computed → undetermined",
  },

  projection: {
    unreadable: 'The target cannot be read; no numeric projection',
    qualitative: 'Qualitative indicators are judged by assessment; no numeric projection',
    deadline: 'Deadline indicators are judged by the completion date; no numeric projection',
    parts: 'Indicators with several parts are judged part by part; no numeric projection',
    noBase: "No baseline to compare with (such as last year's value); no numeric projection",
    noData: 'No numeric reports yet; the year-end value cannot be projected',
    methodNames: {
      pace: 'average pace of the year',
      trend: 'recent trend',
      profile: "last year's pace by this month",
      forecast: "the reporter's full-year forecast",
    },
    pace: (start: number, last: number, rate: string, total: string, left: number, v: string): string =>
      `From the average pace of months ${start}–${last}, ${rate}/month: ${total} + ${rate} × ${left} = ${v}`,
    trend: (
      window: number,
      from: number,
      last: number,
      rate: string,
      total: string,
      left: number,
      v: string,
    ): string =>
      `From the average increase of the last ${window} months (${from}–${last}), ${rate}/month: ${total} + ${rate} × ${left} = ${v}`,
    profile: (last: number, share: string, total: string, v: string): string =>
      `From last year's pace (months 1–${last} made ${share}% of the year): ${total} ÷ ${share}% = ${v}`,
    forecast: (v: string): string => `Using the reporter's full-year forecast ${v}`,
    levelPace: (last: number, latest: string): string =>
      `Keeping month ${last}'s latest level ${latest} to year end`,
    levelTrend: (
      window: number,
      from: number,
      last: number,
      change: string,
      latest: string,
      left: number,
      v: string,
    ): string =>
      `From the average change of the last ${window} months (${from}–${last}), ${change}/month: ${latest} + (${change}) × ${left} = ${v}`,
    levelProfile: (last: number, then: string, yearEnd: string, latest: string, v: string): string =>
      `From last year's change from month ${last} to year end (${then} → ${yearEnd}): ${latest} × ${yearEnd} ÷ ${then} = ${v}`,
    chosen: (formula: string, range: string): string => `${formula}, ${range}`,
    range: (v: string, low: string, high: string): string => `about ${v} at year end (range ${low}–${high})`,
    other: (method: string, v: string): string => `${method} ${v}`,
    target: (raw: string, light: Light, judged: string): string =>
      `Target ${raw}, expected ${lightOf(light)} (year-end judgement: ${judged})`,
    budget: (budget: string, light: Light, judged: string): string =>
      `This year's budget ${budget}, expected ${lightOf(light)} (year-end judgement: ${judged})`,
    whyProfile: "Last year's monthly figures are known, so last year's pace is used; it reflects seasons",
    whyTrend: (window: number, tolerance: number): string =>
      `The last ${window} months' trend and the average pace differ by more than ${tolerance}% of the target; the pace has changed, so the recent trend is used`,
    whyPace: (tolerance: number): string =>
      `The recent trend and the average pace differ by at most ${tolerance}% of the target, so the average pace is used`,
    whyPaceOnly: (window: number): string =>
      `Fewer than ${window} consecutive months reported, no trend can be told; the average pace is used`,
    whyForecast: "No numeric reports yet; the reporter's full-year forecast is used",
    others: (items: string[]): string => `Other methods: ${items.join(', ')}`,
  },

  consistency: {
    consistent: (deviation: string): string =>
      `Indicator scores match budget spending (deviation ${deviation})`,
    inconsistent: (deviation: string, tolerance: string): string =>
      `Indicator scores are above the level of budget spending; the deviation ${deviation} exceeds ${tolerance}, explain why (red light)`,
  },

  scoreExplain: {
    formula: (weight: string, share: string, score: string, floored: boolean): string =>
      `Score = ${weight} × ${share} = ${score}${floored ? ' (not below 0)' : ''}`,
    allOrNothing: (reason: string, score: string): string => `${reason} → score ${score}`,
    reached: (v: string, expected: string): string => `Actual ${v} ≥ target ${expected}, reached`,
    notAbove: (v: string, expected: string): string => `Actual ${v} ≤ target ${expected}, reached`,
    doubled: (v: string, expected: string): string => `Actual ${v} ≥ 2 × target ${expected}`,
    inside: (v: string, min: string, max: string): string => `Actual ${v} within the range ${min}–${max}`,
    zero: (v: string, met: boolean): string => `Target is 0, actual ${v}${met ? ' ≤ 0' : ' > 0'}`,
    byDate: (date: string, deadline: string, onTime: boolean): string =>
      `Completed on ${date}${onTime ? ', not after' : ', after'} the deadline ${deadline}`,
    parts: (steps: string[], weight: string, shares: string[], score: string): string =>
      `${steps.map((step, index) => `Part ${index + 1}: ${step}`).join('; ')}; score = ${weight} × (${shares.join(' + ')}) ÷ ${shares.length} = ${score}`,
    band: (judgement: string, band: string): string =>
      `Qualitative indicator assessed as “${value(judgement)}”, score range ${band}`,
    picked: (band: string, score: string): string => `${band}, score given ${score}`,
    budget: (
      executed: string,
      annual: string,
      rate: string,
      weight: string,
      score: string,
      capped: boolean,
    ): string =>
      `Spending rate = ${executed} ÷ ${annual} × 100% = ${rate}%; score = ${weight} × ${executed} ÷ ${annual} = ${score}${capped ? ' (not above the weight)' : ''}`,
    total: (budget: string, indicators: string, total: string, grade: string): string =>
      `Total = budget spending score ${budget} + indicator score ${indicators} = ${total} → grade “${value(grade)}”`,
    indicators: (scores: string[], total: string): string =>
      `Indicator score = ${scores.length ? scores.join(' + ') : '0'} = ${total}`,
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
      `Indicator completion = ${indicators} ÷ ${indicatorWeight} = ${indicatorRate}; budget spending = ${budget} ÷ ${budgetWeight} = ${budgetRate}; deviation = (${indicatorRate} − ${budgetRate}) ÷ ${indicatorRate} = ${deviation}${red ? ' > ' : ' ≤ '}${tolerance} → ${red ? 'red light' : 'green light'}`,
  },

  sheet: {
    targetUnparsed:
      'The target is not structured yet; a performance administrator must correct it before scoring',
    noActual: 'No actual entered yet',
    pickInBand: (judgement: string, band: string): string =>
      `Give a score within the range ${band} of “${value(judgement)}”`,
    pickOutside: (pick: number, judgement: string, band: string): string =>
      `The score ${pick} is outside the range ${band} of “${value(judgement)}”`,
    departmentExecuted: "The department's full-year spending must be entered by a performance administrator",
    projectExecuted: 'No full-year spending yet: enter it, or report it under budget spending first',
    noAnnualBudget: 'The full-year budget is 0 or missing; the spending rate cannot be computed',
  },

  weights: {
    negative: (index: number): string =>
      `The weight of indicator ${index + 1} cannot be negative or not a number`,
    unknownLevel: (index: number, level1: string): string =>
      `Indicator ${index + 1}'s level-1 “${level1}” is not output, benefit or satisfaction`,
    emptySection: (section: string, weight: number): string =>
      `${section} has no level-3 indicators; its ${weight} points cannot be assigned`,
    total: (total: number): string => `The weights add up to ${total}; they must add up to 100`,
  },

  sectionNames: {
    budget: 'Budget spending rate',
    output: 'Output indicators (including cost)',
    benefit: 'Benefit indicators',
    satisfaction: 'Satisfaction indicators',
  },

  partLabel: {
    units: {
      场: 'Sessions',
      人: 'People',
      人次: 'Person-times',
      次: 'Times',
      个: 'Count',
      户: 'Households',
      家: 'Organisations',
      项: 'Items',
      件: 'Pieces',
      '%': 'Share',
      元: 'Amount',
      天: 'Days',
      小时: 'Hours',
    },
    inUnit: (unit: string): string => `Quantity (${unit})`,
    number: 'Value',
    date: 'Completion date',
    judgement: 'Assessment',
  },

  error: {
    unitMismatch: (actualUnit: string, targetUnit: string | undefined): string =>
      targetUnit === undefined
        ? `The target has no unit, so the actual's unit “${actualUnit}” cannot be checked; enter the number only, or add a unit to the target first`
        : `The actual's unit “${actualUnit}” cannot be converted to the target's unit “${targetUnit}”; they cannot be compared`,
    invalidMonth: (month: number): string => `The month must be a whole number from 1 to 12, got ${month}`,
    invalidWeight: (weight: number): string => `The weight must be a non-negative number, got ${weight}`,
    invalidBudget: 'The full-year budget must be above 0 and spending cannot be negative',
    missingActual:
      'No actual or baseline to score with; assess it instead (achieved / partly achieved / not achieved)',
    missingJudgement: 'This indicator needs an assessment (achieved / partly achieved / not achieved)',
    partsMismatch: (expected: number, received: number): string =>
      `This indicator has ${expected} parts; enter the actual part by part separated by “、”, got ${received}`,
    invalidThresholds: 'Warning thresholds must satisfy: yellow from ≤ green from ≤ blue from',
    invalidGradeBands: 'Grade bands must satisfy: excellent > good > fair',
    numberRequired: (unit: string): string => `Enter a number, such as 105 or 105${unit}`,
  },

  review: {
    rules: {
      'vague-target': {
        title: 'The target cannot be measured: vague wording, no number',
        fixHint:
          'Write a number or a verifiable standard (comparison + number + unit, e.g. “≥95%”, “≤30 working days”); avoid “improve” or “strengthen further”',
      },
      'qualitative-quantity': {
        title: 'A quantity, timeliness or cost indicator has a qualitative target',
        fixHint:
          'Quantity indicators state a number and unit, timeliness indicators a time limit or deadline, cost indicators a ceiling or standard',
      },
      'missing-operator': {
        title: 'A quantitative target has no comparison',
        fixHint: 'Write “≥”, “≤” or “=” before the number so that nothing is inferred',
      },
      'missing-unit': {
        title: 'A quantitative target has no unit',
        fixHint: 'Write the unit after the number (%, people, times, 万元 …); actuals must use the same unit',
      },
      'rate-over-100': {
        title: 'A ratio indicator is above 100%',
        fixHint:
          'Rates, coverage and satisfaction cannot exceed 100%; check the number or state it as growth instead',
      },
      'input-as-output': {
        title: 'An input stands in for an output or benefit',
        fixHint:
          'Funds in place, staffing and purchases are inputs, not results; state the products, services or benefits the project delivers',
      },
      'satisfaction-misplaced': {
        title: 'Satisfaction and benefit indicators are mixed up',
        fixHint:
          'Satisfaction belongs only under satisfaction indicators (service recipients); only recipients’ satisfaction belongs there',
      },
      'goal-missing-level1': {
        title: 'The goal lacks output, benefit or satisfaction indicators',
        fixHint: 'Every goal needs output, benefit and satisfaction indicators',
      },
      'goal-missing-cost': {
        title: 'The goal has no cost indicator',
        fixHint:
          "Set cost indicators as this year's rules ask (economic, social or environmental cost), with a ceiling or standard",
      },
      'too-few-indicators': {
        title: 'The goal has fewer than 3 level-3 indicators',
        fixHint: 'Every goal needs at least 3 level-3 indicators covering output, benefit and satisfaction',
      },
      'not-above-last-year': {
        title: "A higher-is-better target is not above last year's actual",
        fixHint: "Targets should be above last year's actual; a low target exceeded at year end loses points",
      },
      'same-as-long-term': {
        title: 'The annual target equals the long-term target',
        fixHint: "The annual target breaks the long-term one down; write what this year's plan should reach",
      },
      'duplicate-indicator': {
        title: 'A level-3 indicator is repeated within a goal',
        fixHint: 'Merge the repeated indicators, or rename them to tell apart what each measures',
      },
      'unreadable-target': {
        title: 'The target cannot be read',
        fixHint:
          'Rewrite it as comparison + number + unit, a deadline or a clear qualitative standard, then have an administrator check the reading',
      },
    },
    severities: { error: 'Error', warning: 'Warning', info: 'Note' },
    finding: (name: string, message: string): string => `“${name}”: ${message}`,
    vague: (target: string): string => `The target “${target}” has no number or verifiable standard`,
    qualitativeCost: (raw: string): string => `The cost indicator's target “${raw}” is qualitative`,
    qualitativePlace: (place: string, raw: string): string =>
      `The target “${raw}” under ${value(place)} is qualitative`,
    missingOperator: (raw: string, operator: string): string =>
      `The target “${raw}” has no comparison; it is read as “${operator === '<=' ? 'at most' : operator === '=' ? 'equal to' : 'at least'}”`,
    missingUnit: (raw: string): string => `The target “${raw}” has no unit`,
    rateOver100: (raw: string): string => `The ratio target “${raw}” is above 100%`,
    inputAsOutput: (level1: string): string =>
      `Funds, staff and supplies are inputs, used as ${value(level1)}`,
    satisfactionElsewhere: (level1: string): string => `Satisfaction is placed under ${value(level1)}`,
    notSatisfaction: 'Not the satisfaction of service recipients, yet under satisfaction indicators',
    notAboveLastYear: (target: string, last: string): string =>
      `The target ${target} is not above last year's ${last}`,
    unreadable: (target: string, note: string): string => `The target “${target}” cannot be read: ${note}`,
    goalMissing: (levels: string[]): string => `The goal has no ${levels.map(value).join(', ')}`,
    goalMissingCost: 'The goal has no cost indicator',
    tooFew: (count: number): string => `The goal has only ${count} level-3 indicators`,
    duplicate: (name: string): string => `“${name}” appears more than once in this goal`,
    sameAsLongTerm: (name: string, target: string): string =>
      `“${name}”'s annual target “${target}” is the same as the long-term target`,
  },

  warning: {
    unitScale: (typed: string, v: string, target: string): string =>
      `The actual “${typed}” reads ${v} with 万/千/亿, while the target is ${target}; please check the unit`,
    farAboveExpected: (v: string, month: number, expected: string): string =>
      `The actual ${v} is more than 3 times the ${expected} due by month ${month}; please check it is not a typo`,
    cumulativeDecrease: (v: string, month: number, previous: string): string =>
      `The cumulative actual ${v} is below month ${month}'s ${previous}; a cumulative figure cannot go down, please check`,
  },

  form: {
    span: (month: number): string => (month === 1 ? 'January' : `January–${MONTH_NAMES[month - 1]}`),
    notReported: (span: string): string => `${span}: not reported`,
    earlierReport: (month: number): string =>
      `Progress taken from the ${MONTH_NAMES[month - 1]} report (none for this month)`,
    forecastByLead: 'Full-year forecast as entered by the reporter',
    forecastProjected: (method: string): string => `Full-year forecast projected by the system (${method})`,
    likelihoodProjected: 'Likelihood proposed from the projection',
    budgetNotReported: (span: string): string => `${span}: spending not reported`,
    budgetProjected: (method: string): string => `Full-year spending projected by the system (${method})`,
    sourcesTotalOnly: 'Spending is reported for the project as a whole, not by funding source',
    totalLine: 'Total',
    projectsTotalLine: 'All projects',
    projectsTotal: (count: number): string => `The department's funds are the sum of its ${count} projects`,
  },

  rules: {
    invalid: {
      object: 'is not in the expected format',
      range: (min: number, max: number): string => `must be a number from ${min} to ${max}`,
      oneOf: (values: readonly string[]): string => `must be one of ${values.join(' / ')}`,
      greenBelowYellow: 'The green threshold cannot be below the yellow one',
      blueBelowGreen: 'The blue threshold cannot be below the green one',
      checkpoints: 'Budget checkpoints must be a list (at most 12)',
      month: 'The month must be a whole number from 1 to 12',
      checkpointOrder:
        'Checkpoints must be in increasing months, each requiring at least the rate of the one before',
      reasonLights: 'must be some of red, yellow (each once)',
      sectionsTotal: (total: number): string =>
        `Budget execution, output, outcome and satisfaction must add up to 100; they add up to ${total}`,
      band: 'A score band must be [low, high], each from 0 to 1, low not above high',
      decimals: 'Decimal places must be a whole number from 0 to 4',
    },
    checkpointMissed: (month: number, minRate: number, rate: number): string =>
      `Budget checkpoint missed: at least ${minRate}% due by the end of ${MONTH_NAMES[month - 1]}, ${rate}% spent (red light)`,
    dualGap: (target: string, budget: string, gap: string, limit: number): string =>
      `Dual monitoring out of step: target progress ${target} and budget progress ${budget} differ by ${gap} points, more than ${limit}`,
    reasonMissing: (name: string, light: string): string => `${name} (${light}) has no deviation reason`,
    overCompletion: (name: string, percent: string, from: number): string =>
      `${name} reached ${percent}% of its target (≥ ${from}%): explain the over-completion and what is done about it`,
  },
};
