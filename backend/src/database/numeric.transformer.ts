import { ValueTransformer } from 'typeorm';

/** pg returns NUMERIC as text; amounts here stay below 2^53 cents, so a JS number is exact enough to 2 decimals. */
export const numericTransformer: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null || value === undefined ? null : Number(value)),
};
