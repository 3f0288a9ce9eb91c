/** A row of 表11's 收入构成 / 支出构成: this year's amount and share, with the two previous years. */
export interface FundRow {
  readonly item: string;
  readonly amount: number | null;
  /** 占比 % */
  readonly share: number | null;
  readonly history: readonly { readonly year: number; readonly amount: number | null }[];
}

/** What 部门整体 shows of 表11's 概况; every part is optional, as the import may not have found it. */
export interface OverallOverview {
  readonly moneyUnit: string | null;
  /** 部门职能 */
  readonly functions: string | null;
  /** 年度主要任务 */
  readonly annualTasks: string | null;
  readonly income: readonly FundRow[];
  readonly expenditure: readonly FundRow[];
}

type Json = Readonly<Record<string, unknown>>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null;
const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() ? value : null);
const numberOrNull = (value: unknown): number | null => (typeof value === 'number' ? value : null);

function fundRows(value: unknown): FundRow[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isObject).map((row) => ({
    item: text(row['item']) ?? '',
    amount: numberOrNull(row['amount']),
    share: numberOrNull(row['share']),
    history: (Array.isArray(row['history']) ? row['history'] : [])
      .filter(isObject)
      .map((point) => ({ year: Number(point['year']), amount: numberOrNull(point['amount']) })),
  }));
}

/** Reads the imported 概况 (a free-form JSON document) defensively. */
export function readOverview(overview: Json | null | undefined): OverallOverview {
  const overall = isObject(overview?.['overall']) ? (overview['overall'] as Json) : {};
  const funds = isObject(overall['funds']) ? (overall['funds'] as Json) : {};
  return {
    moneyUnit: text(overview?.['moneyUnit']),
    functions: text(overall['functions']),
    annualTasks: text(overall['annualTasks']),
    income: fundRows(funds['income']),
    expenditure: fundRows(funds['expenditure']),
  };
}
