const pad = (value: number): string => String(value).padStart(2, '0');

export function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

// Returns an ISO date (YYYY-MM-DD), or undefined when the day does not exist (e.g. 2025-02-30).
export function isoDate(year: number, month: number, day = lastDayOfMonth(year, month)): string | undefined {
  if (month < 1 || month > 12 || day < 1 || day > lastDayOfMonth(year, month)) return undefined;
  return `${year}-${pad(month)}-${pad(day)}`;
}

export interface DateMatch {
  date: string | undefined;
  rest: string;
}

const QUARTERS: Readonly<Record<string, number>> = {
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  '1': 1,
  '2': 2,
  '3': 3,
  '4': 4,
};

// Date forms found in targets and reports, most specific first. Month-only forms mean the month's last day.
const DATE_FORMS: ReadonlyArray<[RegExp, (match: RegExpExecArray) => string | undefined]> = [
  [/(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?/, (m) => isoDate(+m[1], +m[2], +m[3])],
  [/(\d{4})年(\d{1,2})月份?(?:底|末)?/, (m) => isoDate(+m[1], +m[2])],
  [/(\d{4})年(?:第)?([一二三四1-4])季度(?:末|底)?/, (m) => isoDate(+m[1], QUARTERS[m[2]] * 3)],
  [/(\d{4})年上半年(?:末|底)?/, (m) => isoDate(+m[1], 6)],
  [/(\d{4})年(?:下半年|年底|年末|底|末|内|度内)/, (m) => isoDate(+m[1], 12)],
];

// Finds the first date in normalized text; `rest` is the text around it.
export function findDate(text: string): DateMatch | undefined {
  for (const [pattern, toIso] of DATE_FORMS) {
    const match = pattern.exec(text);
    if (match) return { date: toIso(match), rest: text.replace(match[0], '') };
  }
  return undefined;
}
