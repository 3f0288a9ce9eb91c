import { UNIT_MULTIPLIERS } from './unit.util';

const WAN = UNIT_MULTIPLIERS['万'];

/** 万元 as published → 元 as stored (NUMERIC(18,2)); exact for amounts published with up to 6 decimals. */
export const wanToYuan = (wan: number): number => Math.round(wan * WAN * 100) / 100;

/** 元 → 万元; the shortest decimal that round-trips, so 4660000 → 466 and 7582200 → 758.22. */
export const yuanToWan = (yuan: number): number => Number((yuan / WAN).toPrecision(15));

export const wanToYuanOrNull = (wan: number | null | undefined): number | null =>
  wan === null || wan === undefined ? null : wanToYuan(wan);
export const yuanToWanOrNull = (yuan: number | null | undefined): number | null =>
  yuan === null || yuan === undefined ? null : yuanToWan(yuan);

const MONEY = /^((?:[1-9]\d{0,2}(?:,\d{3})+|\d+)(?:\.\d+)?)(万)?元?$/;

/**
 * An amount as typed, in 元: "3,500,000", "3500000元" and 3500000 are 元; "350万", "350 万元" are 万元. Undefined
 * for anything else (negative, several numbers, words, more than two decimals of 元).
 */
export function parseMoneyYuan(input: string | number): number | undefined {
  if (typeof input === 'number') return Number.isFinite(input) && input >= 0 ? input : undefined;
  const match = MONEY.exec(input.normalize('NFKC').replace(/\s+/g, ''));
  if (!match) return undefined;
  const [, digits, wan] = match;
  const amount = Number(digits.replace(/,/g, ''));
  if (wan) return wanToYuan(amount);
  return /\.\d{3}/.test(digits) ? undefined : amount;
}
