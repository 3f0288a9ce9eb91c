import type { Finding, FindingKind, Recovery, RecoveryKind, ReportLocation } from './import-report.types';

/** Collects what the parser repaired and what did not add up, in the order met. */
export class ImportLog {
  readonly recoveries: Recovery[] = [];
  readonly findings: Finding[] = [];
  checksRun = 0;

  recover(kind: RecoveryKind, location: ReportLocation, action: string): void {
    this.recoveries.push({ kind, location, action });
  }

  find(
    kind: FindingKind,
    location: ReportLocation,
    message: string,
    values?: { expected: number; actual: number },
  ): void {
    this.findings.push({ kind, location, message, ...values });
  }

  /**
   * One 勾稽 comparison: counted, and a finding when the published value differs from the expected one
   * by more than float noise. Never changes a number.
   */
  check(
    kind: FindingKind,
    location: ReportLocation,
    message: string,
    expected: number,
    actual: number,
  ): boolean {
    this.checksRun++;
    if (Math.abs(expected - actual) < 0.0005) return true;
    this.find(kind, location, message, { expected: round(expected), actual: round(actual) });
    return false;
  }
}

function round(value: number): number {
  return Math.round(value * 10000) / 10000;
}
