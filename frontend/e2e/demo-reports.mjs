// Demo monitoring data for the reading screens' browser check, written through the API as the people who
// would write it: the leads of a few projects report January–June (indicator values and budget execution), the
// admin reports the department-wide goals. Values are chosen per indicator so that every light shows up.
// Only drafts are written (nothing is submitted), so the periods stay open for other scripts; a report that
// already exists (409) or a locked period (423) is left as it is, which makes a second run harmless.
//
// Standalone: BASE_URL=http://localhost:3000 node frontend/e2e/demo-reports.mjs

/** Projects of the seeded department whose leads report (not lead01/lead02: other scripts work with those). */
export const DEMO_LEADS = ['lead03', 'lead04', 'lead06'];
export const DEMO_MONTHS = [1, 2, 3, 4, 5, 6];
export const DEMO_YEAR = 2025;

// Progress factors against the pace: blue, green, green, yellow, red.
const FACTORS = [1.3, 1.0, 0.88, 0.7, 0.45];

const round = (value, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;
const period = (month) => `${DEMO_YEAR}-${String(month).padStart(2, '0')}`;

async function call(baseUrl, method, path, token, body) {
  const response = await fetch(`${baseUrl}/api${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  const json = text ? JSON.parse(text) : null;
  return { status: response.status, body: json };
}

async function login(baseUrl, username, password) {
  const { status, body } = await call(baseUrl, 'POST', '/auth/login', null, { username, password });
  if (status !== 200 && status !== 201) throw new Error(`login as ${username} answered ${status}`);
  return body.accessToken;
}

const annualIndicators = (goals) =>
  goals
    .filter((goal) => goal.term === 'annual')
    .flatMap((goal) => goal.indicators.flatMap((l1) => l1.children.flatMap((l2) => l2.indicators)));

const withUnit = (value, unit) => `${value}${unit ?? ''}`;

/** An actual (and forecast) for month m that lands on the light the factor stands for; null to skip. */
export function demoReport(indicator, month, factor) {
  const target = indicator.target;
  if (!target || target.confidence === 'unparsed') return null;
  const v = target.value;
  switch (target.accumulation) {
    case 'cumulative': {
      if (target.operator === 'between') return { actual: withUnit(target.min, target.unit) };
      if (target.operator === 'all-of' || v === undefined) return null;
      if (target.direction === 'lower') {
        const used = v * (month / 12) * (factor < 0.6 ? 1.5 : 0.8);
        return { actual: withUnit(round(used), target.unit) };
      }
      const actual = round(v * (month / 12) * factor, 0);
      return {
        actual: withUnit(actual, target.unit),
        forecast: withUnit(round(v * Math.max(factor, 0.8), 0), target.unit),
        likelihood: factor < 0.6 ? '有可能' : '确定能',
      };
    }
    case 'level': {
      if (v === undefined) return null;
      if (target.direction === 'lower')
        return { actual: withUnit(round(v * (factor < 0.6 ? 1.2 : 0.9)), target.unit) };
      if (target.direction === 'exact') return { actual: withUnit(v, target.unit) };
      const level = target.unit === '%' ? Math.min(100, v * Math.min(factor, 1.05)) : v * factor;
      return { actual: withUnit(round(level, 1), target.unit) };
    }
    case 'zero-tolerance':
      return { actual: '0' };
    case 'qualitative':
      return { actual: factor < 0.6 ? '部分达成' : '达成' };
    default:
      return null;
  }
}

async function putReports(baseUrl, token, indicators, offset, counters) {
  for (const month of DEMO_MONTHS) {
    for (const [index, indicator] of indicators.entries()) {
      // Early months a little behind, June on the factor: the trend moves.
      const factor = FACTORS[(index + offset) % FACTORS.length] * (0.82 + 0.03 * month);
      const report = demoReport(indicator, month, factor);
      if (!report) continue;
      const body =
        factor < 0.6
          ? {
              ...report,
              reasons: ['经费保障'],
              reasonText: '资金拨付滞后',
              correctiveAction: '加快资金拨付进度',
            }
          : report;
      const { status, body: answer } = await call(
        baseUrl,
        'PUT',
        `/indicators/${indicator.id}/reports/${period(month)}`,
        token,
        body,
      );
      if (status === 200 || status === 201) counters.reports += 1;
      else if (status !== 409 && status !== 423)
        throw new Error(`report ${indicator.name} ${period(month)} answered ${status}: ${answer?.message}`);
    }
  }
}

/** Writes the demo reports; returns what was written and the projects used. */
export async function seedDemoReports(baseUrl, password = 'Jixiao@2025') {
  const counters = { reports: 0, budgets: 0 };
  const admin = await login(baseUrl, 'admin', password);
  const [department] = (await call(baseUrl, 'GET', '/departments', admin)).body;
  const code = department.code;
  const projects = (await call(baseUrl, 'GET', `/departments/${code}/years/${DEMO_YEAR}/projects`, admin))
    .body;
  const used = [];
  for (const [offset, username] of DEMO_LEADS.entries()) {
    const project = projects.find((candidate) => candidate.leads.some((lead) => lead.username === username));
    if (!project) continue;
    used.push(project);
    const token = await login(baseUrl, username, password);
    const detail = (await call(baseUrl, 'GET', `/projects/${project.id}`, token)).body;
    await putReports(baseUrl, token, annualIndicators(detail.goals), offset, counters);
    const budgetYuan = detail.budgetExecution.budgetYuan;
    for (const month of DEMO_MONTHS) {
      // One project keeps pace, one lags a little, one a lot.
      const executed = round(budgetYuan * (month / 12) * [0.95, 0.7, 0.4][offset % 3]);
      const { status, body } = await call(
        baseUrl,
        'PUT',
        `/projects/${project.id}/budget-execution/${period(month)}`,
        token,
        { executed },
      );
      if (status === 200 || status === 201) counters.budgets += 1;
      else if (status !== 409 && status !== 423)
        throw new Error(`budget ${project.name} ${period(month)} answered ${status}: ${body?.message}`);
    }
  }
  const overall = (await call(baseUrl, 'GET', `/departments/${code}/years/${DEMO_YEAR}`, admin)).body;
  await putReports(baseUrl, admin, annualIndicators(overall.goals), 1, counters);
  return { ...counters, department: code, projects: used };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const baseUrl = (process.env.BASE_URL ?? '').replace(/\/+$/, '');
  if (!baseUrl) {
    console.error('BASE_URL is required, e.g. BASE_URL=http://localhost:3000');
    process.exit(2);
  }
  const result = await seedDemoReports(baseUrl, process.env.DEMO_PASSWORD);
  console.log(
    `${result.reports} indicator reports and ${result.budgets} budget executions written for ` +
      result.projects.map((project) => project.name).join('、'),
  );
}
