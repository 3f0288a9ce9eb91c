import type { Judgement } from '../actual/actual.types';
import { DEFAULT_GRADE_BANDS, type GradeBands } from '../evaluation/grade';
import { DEFAULT_SECTION_WEIGHTS, type SectionWeights } from '../evaluation/section-weights';
import { messages } from '../messages/domain-messages';
import type { DomainMessages } from '../messages/zh-cn.messages';
import { DEFAULT_THRESHOLDS, type Thresholds } from '../monitoring/light.types';

/**
 * How a project's light combines its indicators and its budget (docs/domain.md "Rules as settings"):
 * - indicators: the worst indicator light, the budget shown beside it (the national rule today);
 * - worst: the worst of the indicator lights and the budget light;
 * - dual: 双监控 as in Hefei — budget off track → red; budget on track but targets off → yellow; both → green.
 */
export const PROJECT_LIGHT_MODES = ['indicators', 'worst', 'dual'] as const;
export type ProjectLightMode = (typeof PROJECT_LIGHT_MODES)[number];

/** 反向 scoring: linear (1 − (B − A) ÷ A) × W, zero from 2A (national), or ratio A ÷ B × W (some local forms). */
export const LOWER_FORMULAS = ['linear', 'ratio'] as const;
export type LowerFormula = (typeof LOWER_FORMULAS)[number];

/** The lights whose report must give its 偏差原因 before the month can be submitted. */
export const MANDATORY_REASON_LIGHTS = ['red', 'yellow'] as const;
export type MandatoryReasonLight = (typeof MANDATORY_REASON_LIGHTS)[number];

/** 预算执行进度节点: by the end of `month`, at least `minRate` % of the year's budget executed. */
export interface BudgetCheckpoint {
  month: number;
  minRate: number;
}

/** Shares of W a 定性 judgement's score lies in: 达成 [0.8, 1], 部分达成 [0.6, 0.8), 未达成 [0, 0.6). */
export type QualitativeBands = Record<Judgement, [number, number]>;

/** How a self-evaluation is scored; stored with each evaluation so its score can be reproduced. */
export interface ScoringProfile {
  sections: SectionWeights; // 预算执行率 10, 产出 50, 效益 30, 满意度 10
  lowerFormula: LowerFormula;
  qualitativeBands: QualitativeBands;
  decimals: number; // decimals a score is rounded to (0–4), 2 nationally
  gradeBands: GradeBands; // 优 / 良 / 中 lower bounds
}

/** The monitoring and scoring rules of a department-year (监控规则); every field has the national default. */
export interface RuleSettings {
  thresholds: Thresholds; // lower bounds of v for yellow / green / blue
  budgetCheckpoints: BudgetCheckpoint[]; // none nationally
  consistencyGap: number | null; // 双监控 warning when target and budget progress differ by more points; off nationally
  projectLight: ProjectLightMode;
  reasonLights: MandatoryReasonLight[]; // none nationally: the grid asks, the submit does not insist
  overCompletionFrom: number | null; // actual ≥ this % of the target needs an explanation; off nationally
  scoring: ScoringProfile;
}

export const DEFAULT_QUALITATIVE_BANDS: Readonly<QualitativeBands> = {
  达成: [0.8, 1],
  部分达成: [0.6, 0.8],
  未达成: [0, 0.6],
};

export const DEFAULT_SCORING_PROFILE: Readonly<ScoringProfile> = {
  sections: { ...DEFAULT_SECTION_WEIGHTS },
  lowerFormula: 'linear',
  qualitativeBands: {
    达成: [...DEFAULT_QUALITATIVE_BANDS.达成],
    部分达成: [...DEFAULT_QUALITATIVE_BANDS.部分达成],
    未达成: [...DEFAULT_QUALITATIVE_BANDS.未达成],
  },
  decimals: 2,
  gradeBands: { ...DEFAULT_GRADE_BANDS },
};

/** The national rules of today: every function that takes RuleSettings defaults to these. */
export const DEFAULT_RULE_SETTINGS: Readonly<RuleSettings> = {
  thresholds: { ...DEFAULT_THRESHOLDS },
  budgetCheckpoints: [],
  consistencyGap: null,
  projectLight: 'indicators',
  reasonLights: [],
  overCompletionFrom: null,
  scoring: DEFAULT_SCORING_PROFILE,
};

/** A deep copy of the defaults, safe to edit. */
export function defaultRuleSettings(): RuleSettings {
  return JSON.parse(JSON.stringify(DEFAULT_RULE_SETTINGS)) as RuleSettings;
}

export type RuleSettingsErrors = Record<string, string>;

export interface RuleSettingsCheck {
  settings: RuleSettings | null; // the settings when valid
  errors: RuleSettingsErrors; // field path → "field：Chinese message"
}

const V = (): DomainMessages['rules']['invalid'] => messages().rules.invalid;
const JUDGEMENTS: readonly Judgement[] = ['达成', '部分达成', '未达成'];
const SECTIONS: readonly (keyof SectionWeights)[] = ['budget', 'output', 'benefit', 'satisfaction'];

// What a client sent for a settings object: its known fields, of any type until checked.
type Loose<T> = { [K in keyof T]?: unknown };

const isObject = <T>(value: unknown): value is Loose<T> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/**
 * Checks a whole RuleSettings object as sent by a client; every problem is reported on its field path
 * ("thresholds.yellowFrom", "budgetCheckpoints.1.minRate", "scoring.sections") with a Chinese message.
 */
export function validateRuleSettings(input: unknown): RuleSettingsCheck {
  const errors: RuleSettingsErrors = {};
  const fail = (field: string, message: string): void => {
    errors[field] ??= `${field}：${message}`;
  };
  const number = (field: string, value: unknown, min: number, max: number): value is number => {
    if (!isNumber(value) || value < min || value > max) {
      fail(field, V().range(min, max));
      return false;
    }
    return true;
  };
  if (!isObject<RuleSettings>(input)) {
    fail('settings', V().object);
    return { settings: null, errors };
  }
  checkThresholds(input.thresholds, number, fail);
  checkCheckpoints(input.budgetCheckpoints, number, fail);
  if (input.consistencyGap !== null) number('consistencyGap', input.consistencyGap, 1, 100);
  if (!(PROJECT_LIGHT_MODES as readonly unknown[]).includes(input.projectLight))
    fail('projectLight', V().oneOf(PROJECT_LIGHT_MODES));
  const lights = input.reasonLights;
  if (
    !Array.isArray(lights) ||
    lights.some((light) => !(MANDATORY_REASON_LIGHTS as readonly unknown[]).includes(light)) ||
    new Set(lights).size !== lights.length
  )
    fail('reasonLights', V().reasonLights);
  if (input.overCompletionFrom !== null) number('overCompletionFrom', input.overCompletionFrom, 100, 1000);
  checkScoring(input.scoring, number, fail);
  const valid = Object.keys(errors).length === 0;
  return { settings: valid ? (JSON.parse(JSON.stringify(input)) as RuleSettings) : null, errors };
}

type NumberCheck = (field: string, value: unknown, min: number, max: number) => value is number;
type Fail = (field: string, message: string) => void;

function checkThresholds(value: unknown, number: NumberCheck, fail: Fail): void {
  if (!isObject<Thresholds>(value)) return fail('thresholds', V().object);
  const fields = ['yellowFrom', 'greenFrom', 'blueFrom'] as const;
  const ok = fields.map((field) => number(`thresholds.${field}`, value[field], 0, 1000));
  if (ok.every(Boolean) && !((value.yellowFrom as number) <= (value.greenFrom as number)))
    fail('thresholds.greenFrom', V().greenBelowYellow);
  if (ok.every(Boolean) && !((value.greenFrom as number) <= (value.blueFrom as number)))
    fail('thresholds.blueFrom', V().blueBelowGreen);
}

function checkCheckpoints(value: unknown, number: NumberCheck, fail: Fail): void {
  if (!Array.isArray(value) || value.length > 12) return fail('budgetCheckpoints', V().checkpoints);
  let previous: { month: number; minRate: number } | undefined;
  value.forEach((point: unknown, index) => {
    const field = `budgetCheckpoints.${index}`;
    if (!isObject<BudgetCheckpoint>(point)) return fail(field, V().object);
    const month = number(`${field}.month`, point.month, 1, 12) && Number.isInteger(point.month);
    if (!month) fail(`${field}.month`, V().month);
    const rate = number(`${field}.minRate`, point.minRate, 0, 100);
    if (month && rate) {
      const current = { month: point.month as number, minRate: point.minRate as number };
      if (previous && !(current.month > previous.month && current.minRate >= previous.minRate))
        fail(`${field}.month`, V().checkpointOrder);
      previous = current;
    }
  });
}

function checkScoring(value: unknown, number: NumberCheck, fail: Fail): void {
  if (!isObject<ScoringProfile>(value)) return fail('scoring', V().object);
  const sections = value.sections;
  if (!isObject<SectionWeights>(sections)) fail('scoring.sections', V().object);
  else {
    const ok = SECTIONS.map((section) => number(`scoring.sections.${section}`, sections[section], 0, 100));
    const total = SECTIONS.reduce((sum, section) => sum + Math.round(Number(sections[section]) * 100), 0);
    if (ok.every(Boolean) && total !== 10000) fail('scoring.sections', V().sectionsTotal(total / 100));
  }
  if (!(LOWER_FORMULAS as readonly unknown[]).includes(value.lowerFormula))
    fail('scoring.lowerFormula', V().oneOf(LOWER_FORMULAS));
  checkBands(value.qualitativeBands, number, fail);
  if (!(Number.isInteger(value.decimals) && number('scoring.decimals', value.decimals, 0, 4)))
    fail('scoring.decimals', V().decimals);
  const grades = value.gradeBands;
  if (!isObject<GradeBands>(grades)) return fail('scoring.gradeBands', V().object);
  const fields = ['excellent', 'good', 'pass'] as const;
  const ok = fields.map((field) => number(`scoring.gradeBands.${field}`, grades[field], 0, 100));
  const [excellent, good, pass] = fields.map((field) => grades[field] as number);
  if (ok.every(Boolean) && !(excellent > good && good > pass))
    fail('scoring.gradeBands', messages().error.invalidGradeBands);
}

function checkBands(value: unknown, number: NumberCheck, fail: Fail): void {
  if (!isObject<QualitativeBands>(value)) return fail('scoring.qualitativeBands', V().object);
  for (const judgement of JUDGEMENTS) {
    const field = `scoring.qualitativeBands.${judgement}`;
    const band = value[judgement];
    if (!Array.isArray(band) || band.length !== 2) {
      fail(field, V().band);
      continue;
    }
    const ok = number(field, band[0], 0, 1) && number(field, band[1], 0, 1);
    if (ok && band[0] > band[1]) fail(field, V().band);
  }
}

/** The settings stored for a department-year over the defaults: a field never set keeps its national value. */
export function withDefaults(stored: Partial<RuleSettings> | null | undefined): RuleSettings {
  const defaults = defaultRuleSettings();
  if (!stored) return defaults;
  return {
    ...defaults,
    ...stored,
    thresholds: { ...defaults.thresholds, ...stored.thresholds },
    scoring: { ...defaults.scoring, ...stored.scoring },
  };
}
