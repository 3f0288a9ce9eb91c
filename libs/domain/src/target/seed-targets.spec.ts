import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { asLevel1, level1For, LEVEL2_TO_LEVEL1, normalizeLevelName } from '../indicator/indicator-levels';
import { parseTarget } from './target-parser';
import type { Accumulation, Confidence, Target } from './target.types';

/*
 * Every distinct 指标值, 前年 and 上年 string (and 预计当年实现, the year's own target) of the indicator tables in
 * the seed document (表11 and 表12), with its 二级指标, and how it must read. The expectations are written by
 * hand from docs/domain.md §4; the list of strings was taken from the seed with a script and is checked against the
 * seed below, so a string added to or missing from this table fails the test.
 */

type Expected = Pick<Target, 'operator' | 'value' | 'min' | 'max' | 'unit' | 'deadline' | 'direction'> &
  Pick<Target, 'accumulation' | 'confidence'> & { parts?: Expected[] };

const CUMULATIVE: Accumulation = 'cumulative';
const LEVEL: Accumulation = 'level';

const atLeast = (
  value: number,
  unit: string | undefined,
  accumulation: Accumulation,
  confidence: Confidence = 'inferred',
): Expected => ({ operator: '>=', value, unit, direction: 'higher', accumulation, confidence });
const above = (value: number, unit: string, confidence: Confidence): Expected => ({
  operator: '>',
  value,
  unit,
  direction: 'higher',
  accumulation: LEVEL,
  confidence,
});
const atMost = (
  value: number,
  unit: string | undefined,
  accumulation: Accumulation,
  confidence: Confidence,
): Expected => ({ operator: '<=', value, unit, direction: 'lower', accumulation, confidence });
const standard = (value: number, unit: string): Expected => ({
  operator: '=',
  value,
  unit,
  direction: 'exact',
  accumulation: LEVEL,
  confidence: 'explicit',
});
const range = (min: number, max: number, unit: string): Expected => ({
  operator: 'between',
  min,
  max,
  unit,
  direction: 'exact',
  accumulation: CUMULATIVE,
  confidence: 'explicit',
});
const dueBy = (deadline: string): Expected => ({
  operator: 'by-date',
  deadline,
  direction: 'lower',
  accumulation: 'deadline',
  confidence: 'explicit',
});
const allOf = (...parts: Expected[]): Expected => ({
  operator: 'all-of',
  direction: 'higher',
  accumulation: CUMULATIVE,
  confidence: 'explicit',
  parts,
});
const ZERO: Expected = {
  operator: '=',
  value: 0,
  direction: 'lower',
  accumulation: 'zero-tolerance',
  confidence: 'inferred',
};
const WORDS: Expected = {
  operator: 'qualitative',
  direction: 'none',
  accumulation: 'qualitative',
  confidence: 'explicit',
};
const HIGHER_THAN_LAST_YEAR: Expected = {
  operator: '>',
  direction: 'higher',
  accumulation: 'relative',
  confidence: 'inferred',
};
const FREE_TEXT: Expected = {
  operator: 'qualitative',
  direction: 'none',
  accumulation: 'qualitative',
  confidence: 'unparsed',
};

const ECONOMIC_COST = '经济成本指标';
const QUANTITY = '数量指标';
const QUALITY = '质量指标';
const TIMELINESS = '时效指标';
const SOCIAL_BENEFIT = '社会效益指标';
const ECONOMIC_BENEFIT = '经济效益指标';
const SATISFACTION = '服务对象满意度指标';

// [raw cell, 二级指标, expected reading] — comments give the seed lines (长 long-term 指标值, 前/上/当 annual columns).
// prettier-ignore
const SEED_TARGETS: ReadonlyArray<[string, string, Expected]> = [
  // 表11 部门整体支出绩效目标表
  ['按标准发放', ECONOMIC_COST, WORDS], // 416长 471
  ['1.2 万人/年', QUANTITY, atLeast(12000, '人', CUMULATIVE)], // 417长
  ['1.5 万人/年', QUANTITY, atLeast(15000, '人', CUMULATIVE)], // 418长
  ['3000 人/年', QUANTITY, atLeast(3000, '人', CUMULATIVE)], // 419长
  ['1800 人', QUANTITY, atLeast(1800, '人', CUMULATIVE)], // 420长 476
  ['12 场/年', QUANTITY, atLeast(12, '场', CUMULATIVE)], // 421长
  ['完成市级下达任务', QUANTITY, WORDS], // 422长 477 (row shifted one column left)
  ['在规定时间内发放', TIMELINESS, WORDS], // 423长 478
  ['100%', QUALITY, atLeast(100, '%', LEVEL, 'explicit')], // 424长 425 426 479 …
  ['3600 人', SOCIAL_BENEFIT, atLeast(3600, '人', CUMULATIVE)], // 427长 481
  ['96%', SATISFACTION, atLeast(96, '%', LEVEL)], // 428长 483
  ['稳步增长', QUANTITY, HIGHER_THAN_LAST_YEAR], // 431长 433长 (long-term table: no 上年 value to compare with)
  ['95%', QUALITY, atLeast(95, '%', LEVEL)], // 434长
  ['100%', TIMELINESS, atLeast(100, '%', LEVEL, 'explicit')], // 437长
  ['100%', SOCIAL_BENEFIT, atLeast(100, '%', LEVEL, 'explicit')], // 438长 439长
  ['》95%', SATISFACTION, atLeast(95, '%', LEVEL, 'explicit')], // 440长, typo for ≥
  ['200 人', QUANTITY, atLeast(200, '人', CUMULATIVE)], // 443长 508
  ['≥80%', QUANTITY, atLeast(80, '%', LEVEL, 'explicit')], // 444长
  ['2025 年底完成', TIMELINESS, dueBy('2025-12-31')], // 447长
  ['明显', SOCIAL_BENEFIT, WORDS], // 450长 517
  ['有所提升', SOCIAL_BENEFIT, WORDS], // 451长 452长 518 519
  ['≥90%', SATISFACTION, atLeast(90, '%', LEVEL, 'explicit')], // 453长 520
  ['758.22 万元', ECONOMIC_COST, atMost(7582200, '元', CUMULATIVE, 'inferred')], // 456长
  ['100', QUANTITY, atLeast(100, undefined, CUMULATIVE)], // 457长 530当
  ['0', QUANTITY, ZERO], // 458长 532 重大群体性事件
  ['80 人', QUANTITY, atLeast(80, '人', CUMULATIVE)], // 459长 531
  ['300 次', QUANTITY, atLeast(300, '次', CUMULATIVE)], // 460长
  ['≥90%', TIMELINESS, atLeast(90, '%', LEVEL, 'explicit')], // 461长 535当
  ['≥90%', QUALITY, atLeast(90, '%', LEVEL, 'explicit')], // 462长 534
  ['≥90%', SOCIAL_BENEFIT, atLeast(90, '%', LEVEL, 'explicit')], // 464长 536
  ['≥93%', SATISFACTION, atLeast(93, '%', LEVEL, 'explicit')], // 465长 537当
  ['12 场', QUANTITY, atLeast(12, '场', CUMULATIVE)], // 472
  ['3000 张', QUANTITY, atLeast(3000, '张', CUMULATIVE)], // 473
  ['1.1 万人', QUANTITY, atLeast(11000, '人', CUMULATIVE)], // 474前 474上
  ['1.5 万人', QUANTITY, atLeast(15000, '人', CUMULATIVE)], // 474当
  ['3000 人', QUANTITY, atLeast(3000, '人', CUMULATIVE)], // 475
  ['1.25 万人', SOCIAL_BENEFIT, atLeast(12500, '人', CUMULATIVE)], // 482前
  ['1.2 万人', SOCIAL_BENEFIT, atLeast(12000, '人', CUMULATIVE)], // 482上 482当
  ['315 万元', ECONOMIC_COST, atMost(3150000, '元', CUMULATIVE, 'inferred')], // 488
  ['65 万人次', QUANTITY, atLeast(650000, '人次', CUMULATIVE)], // 490前
  ['69 万人次', QUANTITY, atLeast(690000, '人次', CUMULATIVE)], // 490上 490当
  ['2.73 万人', QUANTITY, atLeast(27300, '人', CUMULATIVE)], // 491前
  ['2.5 万人', QUANTITY, atLeast(25000, '人', CUMULATIVE)], // 491上
  ['2.7 万人', QUANTITY, atLeast(27000, '人', CUMULATIVE)], // 491当
  ['90%以上', QUANTITY, atLeast(90, '%', LEVEL, 'explicit')], // 492
  ['≥1 场', QUANTITY, atLeast(1, '场', CUMULATIVE, 'explicit')], // 493
  ['≥1 场、≥90人', QUANTITY, allOf(atLeast(1, '场', CUMULATIVE, 'explicit'), atLeast(90, '人', CUMULATIVE, 'explicit'))], // 494
  ['≥95%', QUALITY, atLeast(95, '%', LEVEL, 'explicit')], // 495
  ['及时', TIMELINESS, WORDS], // 501 (row shifted one column right)
  ['确保全区90%以上的企业按时足额缴纳社保', SOCIAL_BENEFIT, atLeast(90, '%', LEVEL, 'inferred')], // 502, text kept in raw
  ['≥95%', SATISFACTION, atLeast(95, '%', LEVEL, 'explicit')], // 503
  ['187 人', QUANTITY, atLeast(187, '人', CUMULATIVE)], // 508前
  ['组织培训1次', QUANTITY, atLeast(1, '次', CUMULATIVE)], // 511
  ['≥80%', QUALITY, atLeast(80, '%', LEVEL, 'explicit')], // 512
  ['2023年底完成', TIMELINESS, dueBy('2023-12-31')], // 515前
  ['2024年底完成', TIMELINESS, dueBy('2024-12-31')], // 515上
  ['2025年底完成', TIMELINESS, dueBy('2025-12-31')], // 515当
  ['按政策规定执行', ECONOMIC_COST, WORDS], // 516
  ['758.22', ECONOMIC_COST, atMost(758.22, undefined, CUMULATIVE, 'inferred')], // 525, unit not written (万元 by the long-term row)
  ['500', QUANTITY, atLeast(500, undefined, CUMULATIVE)], // 526当
  ['200', QUANTITY, atLeast(200, undefined, CUMULATIVE)], // 529前
  ['300', QUANTITY, atLeast(300, undefined, CUMULATIVE)], // 529上 529当
  ['≥85%', TIMELINESS, atLeast(85, '%', LEVEL, 'explicit')], // 535前
  ['≥88%', TIMELINESS, atLeast(88, '%', LEVEL, 'explicit')], // 535上
  ['≥92%', SATISFACTION, atLeast(92, '%', LEVEL, 'explicit')], // 537上
  // 表12 (1) 党建
  ['200 元/人/年', ECONOMIC_COST, standard(200, '元/人/年')], // 580长 594
  ['≥12', QUANTITY, atLeast(12, undefined, CUMULATIVE, 'explicit')], // 581长
  ['1-2 次', QUANTITY, range(1, 2, '次')], // 582长 583长 596 597
  ['1-2 本', QUANTITY, range(1, 2, '本')], // 584长 598
  ['≥12 次', QUANTITY, atLeast(12, '次', CUMULATIVE, 'explicit')], // 595
  // 表12 (2) 就业管理工作经费 (header block lost)
  ['按合同金额支付', ECONOMIC_COST, WORDS], // 618长 634
  ['100%', QUANTITY, atLeast(100, '%', LEVEL, 'explicit')], // 619长 638 项目采购完成率
  ['20', QUANTITY, atLeast(20, undefined, CUMULATIVE)], // 621长 637
  ['1 万', QUANTITY, atLeast(10000, undefined, CUMULATIVE)], // 622长 636 (unit 个次 is in the name only)
  ['12', QUANTITY, atLeast(12, undefined, CUMULATIVE)], // 623长 639前
  ['10', QUANTITY, atLeast(10, undefined, CUMULATIVE)], // 639上 639当
  ['≥96%', SATISFACTION, atLeast(96, '%', LEVEL, 'explicit')], // 644
  // 表12 (3) 就业资金: the same targets as 表11 without spaces
  ['1.2万人/年', QUANTITY, atLeast(12000, '人', CUMULATIVE)], // 697长
  ['1.5万人/年', QUANTITY, atLeast(15000, '人', CUMULATIVE)], // 698长
  ['3000人/年', QUANTITY, atLeast(3000, '人', CUMULATIVE)], // 699长
  ['1800人', QUANTITY, atLeast(1800, '人', CUMULATIVE)], // 700长 717
  ['12场/年', QUANTITY, atLeast(12, '场', CUMULATIVE)], // 701长
  ['3600人', SOCIAL_BENEFIT, atLeast(3600, '人', CUMULATIVE)], // 707长
  ['12场', QUANTITY, atLeast(12, '场', CUMULATIVE)], // 713
  ['3000张', QUANTITY, atLeast(3000, '张', CUMULATIVE)], // 714
  ['1.1万人', QUANTITY, atLeast(11000, '人', CUMULATIVE)], // 715前
  ['1.5万人', QUANTITY, atLeast(15000, '人', CUMULATIVE)], // 715上 715当
  ['3000人', QUANTITY, atLeast(3000, '人', CUMULATIVE)], // 716
  // 表12 (5) 人力资源服务费
  ['45 元/人/月', ECONOMIC_COST, standard(45, '元/人/月')], // 831长 844
  ['良好', ECONOMIC_BENEFIT, WORDS], // 838长
  ['规范', SOCIAL_BENEFIT, WORDS], // 839长
  ['4260', QUANTITY, atLeast(4260, undefined, CUMULATIVE)], // 845前
  ['4812', QUANTITY, atLeast(4812, undefined, CUMULATIVE)], // 845上
  ['4912', QUANTITY, atLeast(4912, undefined, CUMULATIVE)], // 845当
  ['53', QUANTITY, atLeast(53, undefined, CUMULATIVE)], // 846前
  ['54', QUANTITY, atLeast(54, undefined, CUMULATIVE)], // 846上 846当
  ['在合同规定的时间内支付', TIMELINESS, WORDS], // 848
  // 表12 (6) 社会保险经办机构
  ['≥1 场、 ≥90 人', QUANTITY, allOf(atLeast(1, '场', CUMULATIVE, 'explicit'), atLeast(90, '人', CUMULATIVE, 'explicit'))], // 917
  // 表12 (7) 人事考录、职称评审
  ['当年满意度超过90%', SATISFACTION, above(90, '%', 'inferred')], // 986
  // 表12 (8) 特殊人群生活补助
  ['按文件标准', ECONOMIC_COST, WORDS], // 1025长 1035
  ['完成系统认定人数待遇发放', QUANTITY, WORDS], // 1026长
  ['100 %', QUALITY, atLeast(100, '%', LEVEL, 'explicit')], // 1027长
  ['提高', SOCIAL_BENEFIT, WORDS], // 1029长 1041
  ['121', QUANTITY, atLeast(121, undefined, CUMULATIVE)], // 1036前 (数量指标 under 成本 by merged cells)
  ['125', QUANTITY, atLeast(125, undefined, CUMULATIVE)], // 1036上
  ['124', QUANTITY, atLeast(124, undefined, CUMULATIVE)], // 1036当
  ['66', QUANTITY, atLeast(66, undefined, CUMULATIVE)], // 1037前
  ['74', QUANTITY, atLeast(74, undefined, CUMULATIVE)], // 1037上
  ['65', QUANTITY, atLeast(65, undefined, CUMULATIVE)], // 1037当
  ['21', QUANTITY, atLeast(21, undefined, CUMULATIVE)], // 1038前
  ['22', QUANTITY, atLeast(22, undefined, CUMULATIVE)], // 1038上
  ['15', QUANTITY, atLeast(15, undefined, CUMULATIVE)], // 1038当
  ['及时', QUALITY, WORDS], // 1040 (补贴发放及时性 under 质量 as published)
  // 表12 (9) 支农返汉人员帮扶
  ['1040 元/月', ECONOMIC_COST, standard(1040, '元/月')], // 1080长
  ['400 元/年', ECONOMIC_COST, standard(400, '元/年')], // 1081长
  ['3 人', QUANTITY, atLeast(3, '人', CUMULATIVE)], // 1082长
  ['在规定时间内', TIMELINESS, WORDS], // 1084长
  ['保障', SOCIAL_BENEFIT, WORDS], // 1085长 1142长 1153
  ['910 元/月', ECONOMIC_COST, standard(910, '元/月')], // 1092前
  ['940 元/月', ECONOMIC_COST, standard(940, '元/月')], // 1092上
  ['1040 元/ 月', ECONOMIC_COST, standard(1040, '元/月')], // 1092当
  ['350 元/年', ECONOMIC_COST, standard(350, '元/年')], // 1093前
  ['380 元/年', ECONOMIC_COST, standard(380, '元/年')], // 1093上
  ['400 元/ 年', ECONOMIC_COST, standard(400, '元/年')], // 1093当
  ['符合条 件 3 人', QUANTITY, atLeast(3, '人', CUMULATIVE)], // 1094
  ['在规定 时间 内', TIMELINESS, WORDS], // 1096
  ['给予生 活困难 补助， 加强社 会稳定。', SOCIAL_BENEFIT, FREE_TEXT], // 1097: the indicator name repeated in the value cells
  // 表12 (10) 信息化建设
  ['≤8%', ECONOMIC_COST, atMost(8, '%', LEVEL, 'explicit')], // 1136长 1147
  ['13 套', QUANTITY, atLeast(13, '套', CUMULATIVE)], // 1138长 1148当
  ['≥ 99.5%', QUALITY, atLeast(99.5, '%', LEVEL, 'explicit')], // 1139长 1149
  ['≤48 小时', TIMELINESS, atMost(48, '小时', LEVEL, 'explicit')], // 1140长 1151
  ['≤30 分钟', TIMELINESS, atMost(30, '分钟', LEVEL, 'explicit')], // 1141长
  ['8 套', QUANTITY, atLeast(8, '套', CUMULATIVE)], // 1148前
  ['14 套', QUANTITY, atLeast(14, '套', CUMULATIVE)], // 1148上
  ['≥99.5%', QUALITY, atLeast(99.5, '%', LEVEL, 'explicit')], // 1149上
  ['≤48小时', TIMELINESS, atMost(48, '小时', LEVEL, 'explicit')], // 1151前
  ['≤30分钟', TIMELINESS, atMost(30, '分钟', LEVEL, 'explicit')], // 1152
];

function readingOf(target: Target): Expected {
  const { operator, value, min, max, unit, deadline, direction, accumulation, confidence, parts } = target;
  const reading: Expected = {
    operator,
    value,
    min,
    max,
    unit,
    deadline,
    direction,
    accumulation,
    confidence,
  };
  return parts ? { ...reading, parts: parts.map(readingOf) } : reading;
}

// ---------------------------------------------------------------------------------------------------------
// Finding the value cells in the seed text, to prove the table above is complete.

const SEED_PATH = resolve(__dirname, '../../../../seeds/000_fecdbe4f42164389.txt');
const TABLE_END =
  /^(?:年度目标|长期目标|年度绩效目标表|长期绩效目标表|\(\d+\)|（\d+）|项目活动|表 ?12|第三部分)/;
const GOAL_LABEL = /^(?:目标名称|(?:长期|年度)绩效(?:目标|指标)\s*\d*)$/;
const COLUMN_HEADINGS = /前\s*_*\s*年|近两年|预计当/;
const BASIS = /^(?:历史|计划|行业|其他|按实际需要|数据$|《)/;

interface SeedCell {
  raw: string;
  level1: string;
  level2: string;
}

function seedValueCells(text: string): SeedCell[] {
  const lines = text.split('\n');
  const cells: SeedCell[] = [];
  let table: { annual: boolean; level1: string; level2: string } | undefined;
  lines.forEach((line, index) => {
    if (line.includes('一级指标') && line.includes('指标值')) {
      const headings = lines.slice(index + 1, index + 4).join(' ');
      table = { annual: COLUMN_HEADINGS.test(headings), level1: '', level2: '' };
      return;
    }
    if (TABLE_END.test(line.trim())) table = undefined;
    if (!table || COLUMN_HEADINGS.test(line)) return;
    const row = line
      .split('\t')
      .map((cell) => cell.trim())
      .filter((cell) => cell !== '');
    // Level cells come first (possibly split: "满意度" + "服务对象"); the first other cell is the 三级 name.
    let name = -1;
    let rowHasLevel2 = false;
    for (let column = 0; column < row.length && name < 0; column++) {
      const cell = normalizeLevelName(row[column]);
      const level2 = Object.keys(LEVEL2_TO_LEVEL1).find(
        (known) => known === cell || known.startsWith(row[column]),
      );
      if (GOAL_LABEL.test(row[column]) || cell === '指标') continue;
      if (!rowHasLevel2 && asLevel1(cell)) {
        table.level1 = cell;
        table.level2 = '';
      } else if (!rowHasLevel2 && level2 && row[column].length >= 2) {
        table.level2 = level2;
        table.level1 = level1For(level2) as string;
        rowHasLevel2 = true;
      } else {
        name = column;
      }
    }
    if (name < 0) return;
    const values = row.slice(name + 1);
    const end = values.findIndex((cell) => BASIS.test(cell));
    for (const raw of values.slice(0, end < 0 ? values.length : end).slice(0, table.annual ? 3 : 1)) {
      cells.push({ raw, level1: table.level1, level2: table.level2 });
    }
  });
  return cells;
}

describe('seed indicator targets', () => {
  const seedCells = seedValueCells(readFileSync(SEED_PATH, 'utf8'));

  it.each(SEED_TARGETS)('should read %j as written by hand when under %s', (raw, level2, expected) => {
    const target = parseTarget(raw, { level1: level1For(level2), level2 });

    expect(readingOf(target)).toEqual(expected);
    expect(target.raw).toBe(raw);
    expect(target.note === undefined).toBe(target.confidence === 'explicit' && !raw.includes('》'));
  });

  it('should list every distinct value cell exactly once when compared with the seed text', () => {
    const key = (raw: string, level2: string): string => `${raw} | ${level2}`;
    const inSeed = [...new Set(seedCells.map((cell) => key(cell.raw, cell.level2)))].sort();
    const inTable = SEED_TARGETS.map(([raw, level2]) => key(raw, level2)).sort();

    expect(inTable).toEqual(inSeed);
    expect(inSeed).toHaveLength(137);
  });

  it('should give every seed value its 一级 from its 二级 when merged cells misplace a row', () => {
    expect(seedCells.every((cell) => level1For(cell.level2) === cell.level1)).toBe(true);
  });

  it('should leave a value unparsed only when it is free text', () => {
    const unparsed = SEED_TARGETS.filter(
      ([raw, level2]) => parseTarget(raw, { level2 }).confidence === 'unparsed',
    );

    expect(unparsed.map(([raw]) => raw)).toEqual(['给予生 活困难 补助， 加强社 会稳定。']);
  });
});
