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
