import { messages } from '../messages/domain-messages';
import { isoDate } from '../shared/date.util';
import { DEADLINE_WITHOUT_YEAR } from './target-vocabulary';

/** A deadline written without a full date: the date when the budget year fixes it, and why. */
export interface DeadlineText {
  deadline?: string;
  note: string;
}

// What may follow a deadline without changing it: 前完成, 内报送.
const DONE = '(?:完成|办结|完工|发放|支付|报送|上报|到位)?';
// "次月 12 日前", "每月10日前完成": every month, by day N of the month (after the one reported on).
const MONTHLY = new RegExp(`^(每月|次月)(\\d{1,2})日(?:前|之前|以前|内|之内)${DONE}$`);
// "每季度首月": in the first month of every quarter.
const QUARTERLY = new RegExp(`^每季度(?:首月|第一个月)(?:前|内)?${DONE}$`);
// "6 月底前", "6月30日前完成", "次年 3 月底前": a month (and day) without the year.
const IN_YEAR = new RegExp(
  `^(次年|下一?年度?|明年|当年|本年度?|今年)?(\\d{1,2})月(?:(\\d{1,2})日|份?(?:底|末))(?:前|之前|以前)?${DONE}$`,
);
const NEXT_YEAR = /^(?:次年|下一?年度?|明年)$/;

/**
 * Reads the deadlines of normalized target text that name no year or recur (docs/domain.md §4): recurring ones
 * keep no date and say so; the others take the budget year when it is known, and ask for it when not.
 */
export function readDeadlineText(text: string, year: number | undefined): DeadlineText | undefined {
  const monthly = MONTHLY.exec(text);
  if (monthly) {
    const day = Number(monthly[2]);
    return day >= 1 && day <= 31
      ? { note: messages().note.monthlyDeadline(`${monthly[1]} ${day} 日前`) }
      : undefined;
  }
  if (QUARTERLY.test(text)) return { note: messages().note.quarterlyDeadline('每季度首月') };
  if (DEADLINE_WITHOUT_YEAR.test(text)) return inYear(year, 12, undefined, false);
  const match = IN_YEAR.exec(text);
  if (!match) return undefined;
  const next = match[1] !== undefined && NEXT_YEAR.test(match[1]);
  return inYear(year, Number(match[2]), match[3] === undefined ? undefined : Number(match[3]), next);
}

function inYear(
  year: number | undefined,
  month: number,
  day: number | undefined,
  next: boolean,
): DeadlineText | undefined {
  // The date must exist in some year before it can be given one (2 月 30 日 never does).
  if (isoDate(2024, month, day) === undefined) return undefined;
  if (year === undefined) return { note: messages().note.deadlineNoYear };
  const dueYear = next ? year + 1 : year;
  const deadline = isoDate(dueYear, month, day);
  if (deadline === undefined) return undefined;
  return {
    deadline,
    note: next ? messages().note.deadlineNextYear(dueYear) : messages().note.deadlineInYear(dueYear),
  };
}
