// Rounds half up at two decimals as a person would: 9.995 → 10, although the double 9.995 is 9.99499….
export function round2(value: number): number {
  return Math.round(Number((value * 100).toPrecision(15))) / 100;
}

// Ratios such as 3.6 / 6 come out as 59.999999…; thresholds must see the value a person would compute.
export function denoise(value: number): number {
  return Math.round(value * 1e9) / 1e9;
}

// Reads "758.22" with an optional factor through integers, so 758.22 万 is exactly 7582200.
export function parseDecimal(text: string, factor = 1): number {
  const [whole, fraction = ''] = text.split('.');
  return (Number(whole + fraction) * factor) / 10 ** fraction.length;
}

// Shows a value in user text without float noise (0.1 + 0.2 is shown as 0.3).
export function formatNumber(value: number): string {
  return String(denoise(value));
}
