import { performance } from 'node:perf_hooks';

export interface StartupPhase {
  name: string;
  /** Wall-clock milliseconds the phase took. */
  ms: number;
  /** CPU milliseconds (user + system, every thread of the process) spent during it. */
  cpuMs: number;
}

/**
 * Where a start's time goes, phase by phase (logged at debug level once the server listens). The first phase
 * runs from the process's start (performance.timeOrigin), so it includes Node's own boot and the modules' loading.
 * CPU time is given beside the wall time: on a busy machine the wall time mostly measures the neighbours.
 */
export class StartupPhases {
  private readonly phases: StartupPhase[] = [];
  private wall = 0;
  private cpu = 0;

  /** Closes the phase running since the previous mark (or since the process started). */
  mark(name: string): void {
    const wall = performance.now();
    const usage = process.cpuUsage();
    const cpu = (usage.user + usage.system) / 1000;
    this.phases.push({ name, ms: Math.round(wall - this.wall), cpuMs: Math.round(cpu - this.cpu) });
    this.wall = wall;
    this.cpu = cpu;
  }

  list(): readonly StartupPhase[] {
    return this.phases;
  }

  /** "modules 812 ms (cpu 790), database 1204 ms (cpu 1100), …; total 4021 ms" */
  toString(): string {
    const parts = this.phases.map((p) => `${p.name} ${p.ms} ms (cpu ${p.cpuMs})`);
    return `${parts.join(', ')}; total ${Math.round(this.wall)} ms`;
  }
}
