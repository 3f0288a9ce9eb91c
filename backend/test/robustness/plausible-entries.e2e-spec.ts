import { INestApplication } from '@nestjs/common';
import { indicatorStatus, parseActual, scoreIndicator, type Target, type Thresholds } from '@jixiao/domain';
import fc from 'fast-check';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { uniqueCode } from '../factories/department.factory';
import { signIn } from '../factories/user.factory';
import { createTestApp } from '../setup/test-app';
import { loadSeedYear, SeededYear } from '../self-evaluation/scripted-year';
import { Entry, kindOf, rightOf, wrongOf } from './plausible-entries.arbitraries';

/** A fixed seed keeps CI reproducible (a failure replays exactly); set FUZZ_SEED to explore other cases. */
const SEED = Number(process.env.FUZZ_SEED ?? 20250718);
/** Generated report saves per indicator, and self-evaluation saves per indicator (bounded for CI time). */
const REPORT_RUNS = Number(process.env.FUZZ_RUNS ?? 6);
const EVALUATION_RUNS = Math.max(1, Math.round(REPORT_RUNS / 2));
const JULY_TO_DECEMBER = ['2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12'];

interface Monitored {
  id: string;
  name: string;
  projectId: string | null;
  target: Target | null;
  thresholds: Partial<Thresholds> | null;
}

/** An entry as generated: right-shaped (must be read as meant) or wrong-shaped (may be refused). */
interface Typed extends Entry {
  right: boolean;
}

const typed = (target: Target | null): fc.Arbitrary<Typed> =>
  fc.oneof(
    rightOf(target).map((entry) => ({ ...entry, right: true })),
    wrongOf(target).map((entry) => ({ ...entry, right: false })),
  );

/** Why an answer breaks "2xx, or a 400 naming a field the request got wrong", or undefined when it keeps it. */
function breach(status: number, body: Record<string, unknown>, wrongFields: string[]): string | undefined {
  if (status === 200) return undefined;
  if (status !== 400) return `answered ${status}: ${JSON.stringify(body)}`;
  const errors = Object.entries((body.errors ?? {}) as Record<string, string>);
  if (body.code !== 'VALIDATION_FAILED' || !errors.length)
    return `400 without field errors: ${JSON.stringify(body)}`;
  for (const [key, message] of errors) {
    if (!wrongFields.includes(key)) return `400 on ${key}, which was typed right: ${message}`;
    if (!message.startsWith(`${key}：`) || message.length <= key.length + 1)
      return `empty message for ${key}`;
  }
  return undefined;
}

describe('plausible entries (HTTP)', () => {
  let app: INestApplication;
  let ds: DataSource;
  let seeded: SeededYear;
  let lead: string;
  let admin: string;
  let monitored: Monitored[];
  const http = () => request(app.getHttpServer());
  const bearerFor = (indicator: Monitored) => (indicator.projectId ? lead : admin);
  const put = (id: string, period: string, body: object, bearer = lead) =>
    http().put(`/api/indicators/${id}/reports/${period}`).set('Authorization', bearer).send(body);

  beforeAll(async () => {
    ({ app, ds } = await createTestApp());
    seeded = await loadSeedYear(app, ds, uniqueCode());
    const signed = await signIn(app, ds, 'lead', seeded.departmentId);
    lead = signed.bearer;
    ({ bearer: admin } = await signIn(app, ds, 'admin'));
    await ds.query(
      `INSERT INTO project_assignments (project_id, user_id) SELECT id, $2 FROM projects WHERE fiscal_year_id = $1`,
      [seeded.fiscalYearId, signed.user.id],
    );
    // Every indicator of an annual goal is monitored: the projects' and the department-wide ones, in the
    // document's order (not by id, which changes per run), so each indicator gets the same seed every run.
    monitored = await ds.query(
      `SELECT i.id, i.name, g.project_id AS "projectId", i.target_parsed AS target, i.thresholds
         FROM indicators i JOIN goals g ON g.id = i.goal_id LEFT JOIN projects p ON p.id = g.project_id
        WHERE g.fiscal_year_id = $1 AND g.term = 'annual' ORDER BY p.seq NULLS FIRST, g.seq, i.seq`,
      [seeded.fiscalYearId],
    );
  });

  afterAll(async () => {
    await app.close();
  });

  /** 人社局社会保险经办机构工作经费 › 举办失业保险相关政策培训、培训人次。 (target "≥1 场、 ≥90 人"). */
  async function trainingIndicator(): Promise<string> {
    const [row] = await ds.query(
      `SELECT i.id FROM indicators i JOIN goals g ON g.id = i.goal_id JOIN projects p ON p.id = g.project_id
        WHERE p.fiscal_year_id = $1 AND p.name = '人社局社会保险经办机构工作经费' AND g.term = 'annual'
          AND i.name = '举办失业保险相关政策培训、培训人次。'`,
      [seeded.fiscalYearId],
    );
    return row.id;
  }

  it('should answer 400 naming actual, not 500, when a two-part target gets one value (the six reports of issue #18)', async () => {
    const id = await trainingIndicator();
    const answers = await Promise.all(JULY_TO_DECEMBER.map((period) => put(id, period, { actual: '1' })));
    for (const res of answers) {
      expect(res.status).toBe(400);
      expect(res.body.errors.actual).toMatch(/^actual：该指标有 2 项要求/);
    }
  });

  it('should answer 400 naming forecast when only the forecast has the wrong number of parts', async () => {
    const res = await put(await trainingIndicator(), '2025-07', { actual: '1场、90人', forecast: '2' });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.errors)).toEqual(['forecast']);
  });

  it('should read a two-part value alike however the parts are spaced, separated or numbered', async () => {
    const id = await trainingIndicator();
    const lights: unknown[] = [];
    for (const [version, actual] of ['1 场、90 人', '1场,90人', '１场，９０人', '一场、九十人'].entries()) {
      const res = await put(id, '2025-05', { actual, version });
      expect(res.status).toBe(200);
      lights.push([res.body.light, res.body.lightReason]);
    }
    expect(lights).toEqual(
      Array(4).fill(['blue', '进度值 240.0 达到 120，超进度（蓝灯）；进度值 240.0 达到 120，超进度（蓝灯）']),
    );
  });

  it('should answer every plausible report of every monitored indicator with 2xx or a 400 naming the field, and read right shapes as meant', async () => {
    expect(monitored.length).toBeGreaterThan(50);
    const kinds = new Set(monitored.map((indicator) => kindOf(indicator.target)));
    expect([...kinds].sort()).toEqual(['date', 'judgement', 'number', 'parts']);
    // Every kind of target the issue names is among them: ranges, 反向, zero-tolerance, standards, 定性.
    const features = new Set(
      monitored.flatMap(({ target }) =>
        target ? [target.operator, target.direction, target.accumulation] : [],
      ),
    );
    for (const feature of ['between', 'lower', 'zero-tolerance', '=', 'qualitative', 'by-date', 'all-of'])
      expect(features).toContain(feature);
    const versions = new Map<string, number>();
    const breaches: string[] = [];
    let accepted = 0;
    let refused = 0;
    for (const [index, indicator] of monitored.entries()) {
      await fc.assert(
        fc.asyncProperty(
          typed(indicator.target),
          fc.option(typed(indicator.target), { nil: undefined }),
          fc.constantFrom(...JULY_TO_DECEMBER),
          async (actual, forecast, period) => {
            const key = `${indicator.id}:${period}`;
            const body = { actual: actual.text, forecast: forecast?.text, version: versions.get(key) ?? 0 };
            const res = await put(indicator.id, period, body, bearerFor(indicator));
            const wrong = [
              ...(actual.right ? [] : ['actual']),
              ...(forecast && !forecast.right ? ['forecast'] : []),
            ];
            const problem = breach(res.status, res.body, wrong);
            const where = `${indicator.name} (${indicator.target?.raw ?? '—'}) ${JSON.stringify(body)}`;
            if (problem) breaches.push(`${where}: ${problem}`);
            // A blank actual is no report: it must not be stored as one.
            if (!actual.text.trim() && !res.body.errors?.actual)
              breaches.push(`${where}: blank actual not refused`);
            if (res.status === 200) {
              accepted++;
              versions.set(key, res.body.version);
            } else refused++;
            if (!actual.right || (forecast && !forecast.right) || !indicator.target) return;
            // A right shape is accepted and reads exactly as its plain spelling.
            const expected = indicatorStatus(
              indicator.target,
              {
                actual: parseActual(actual.canonical as string, indicator.target),
                forecast: forecast && parseActual(forecast.canonical as string, indicator.target),
              },
              { year: Number(period.slice(0, 4)), month: Number(period.slice(5)) },
              { thresholds: indicator.thresholds },
            );
            if (
              res.status !== 200 ||
              res.body.light !== expected.light ||
              res.body.lightReason !== expected.reason
            )
              breaches.push(
                `${where}: read as ${res.body.light} (${res.body.lightReason}), meant ${expected.light}`,
              );
            if (actual.value !== undefined && res.body.actualValue !== actual.value)
              breaches.push(`${where}: stored ${res.body.actualValue}, meant ${actual.value}`);
          },
        ),
        { numRuns: REPORT_RUNS, seed: SEED + index },
      );
    }
    expect(breaches).toEqual([]);
    // Both outcomes must occur often, or the generator is not exploring what it claims to.
    expect(accepted).toBeGreaterThan(monitored.length);
    expect(refused).toBeGreaterThan(monitored.length / 4);
  }, 180_000);

  it('should answer every plausible final actual of the 自评表 with 2xx or a 400 naming the item, and score right shapes as meant', async () => {
    const versions = new Map<string, number>();
    const breaches: string[] = [];
    for (const [index, indicator] of monitored.entries()) {
      const url = indicator.projectId
        ? `/api/projects/${indicator.projectId}/self-evaluation/2025`
        : `/api/departments/${seeded.code}/years/2025/self-evaluation`;
      await fc.assert(
        fc.asyncProperty(typed(indicator.target), async (actual) => {
          const body = {
            version: versions.get(url) ?? 0,
            items: [{ indicatorId: indicator.id, actual: actual.text }],
          };
          const res = await http().put(url).set('Authorization', bearerFor(indicator)).send(body);
          const where = `${indicator.name} (${indicator.target?.raw ?? '—'}) ${JSON.stringify(actual.text)}`;
          const problem = breach(res.status, res.body, actual.right ? [] : ['items[0].actual']);
          if (problem) breaches.push(`${where}: ${problem}`);
          if (res.status === 200) versions.set(url, res.body.version);
          if (!actual.right || !indicator.target || res.status !== 200) return;
          const item = res.body.items.find(
            (row: { indicatorId: string }) => row.indicatorId === indicator.id,
          );
          const meant = scoreIndicator(
            indicator.target,
            parseActual(actual.canonical as string, indicator.target),
            item.weight,
          );
          const got = 'score' in meant ? item.score : item.band;
          if (JSON.stringify(got) !== JSON.stringify('score' in meant ? meant.score : meant.band))
            breaches.push(`${where}: scored ${JSON.stringify(got)}, meant ${JSON.stringify(meant)}`);
        }),
        { numRuns: EVALUATION_RUNS, seed: SEED + 7919 + index },
      );
    }
    expect(breaches).toEqual([]);
  }, 180_000);
});
