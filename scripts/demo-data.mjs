// The demo's half year, written through the HTTP API as the people who would write it, so that lights, audit
// and workflow are the product's own: every lead reports January–June for their project (indicator values,
// budget execution, a few evidence files), submits, and the leader approves or returns; the admin reports the
// department-wide goals (submitted and approved January–May, like a project), opens the half-year monitoring
// round, and one lead starts the self-evaluation.
// Values are fixed per project, indicator and month so that every light shows up (red, yellow, green, blue;
// grey where a lead has not reported June). Used by `npm run demo` and by the browser tests (scripts/e2e.mjs).
//
// Idempotent: the monitoring round is written last and marks a finished run; an interrupted run is completed
// (what exists answers 409, a closed month 423, and both are left as they are).
//
// Standalone: BASE_URL=http://localhost:3000 node scripts/demo-data.mjs

export const DEMO_YEAR = 2025;
export const DEMO_MONTHS = [1, 2, 3, 4, 5, 6];
export const DEMO_ROUND = `${DEMO_YEAR} 年上半年绩效运行监控`;

/** Progress factors against the pace, in turn per indicator: blue, green, green, yellow, red. */
const FACTORS = [1.3, 1.0, 0.88, 0.7, 0.45];
/** Budget execution against the time pace, in turn per project: on pace, behind, far behind, ahead. */
const BUDGET_PACE = [0.95, 0.7, 0.4, 1.05];

/**
 * Where each project's months stand (lead01 … lead12, the demo accounts' order). Default: January–May approved,
 * June a draft being entered; lead04 has not reported June (grey, overdue). lead09's project holds the seed's
 * one unreadable target, so its June report shows 无法判定. lead01's June stays open for the
 * monthly-cycle browser test.
 */
const WORKFLOW = {
  lead02: { 5: 'submitted' },
  lead05: { 5: 'returned' },
  lead07: { 6: 'submitted' },
  lead08: { 6: 'approved' },
  lead04: { 6: 'missing' },
};
/**
 * One indicator whose pace is fine in June (110 % of it, green) but whose trend is falling: year-to-date shares
 * of its annual target, January–June. Its year-end projection follows the recent trend (5 % of the target a
 * month → about 70 % at year end), so the dashboard flags it 预计年末未达标 months ahead. The lead still
 * forecasts the whole target.
 */
export const FALLING = { lead: 'lead07', shares: [0.175, 0.35, 0.475, 0.525, 0.54, 0.55] };

/** The indicator of a project the falling series is written to: its first count of at least 100 (正向). */
export const fallingIndicator = (indicators) =>
  indicators.find(
    ({ target }) =>
      target?.accumulation === 'cumulative' &&
      target.direction === 'higher' &&
      (target.operator === '>=' || target.operator === '>') &&
      (target.value ?? 0) >= 100,
  );

const RETURN_REASON = '部分指标完成值与佐证材料不一致，请核实后重新提交';
/** Evidence files: lead → month. */
const EVIDENCE = { lead02: 5, lead03: 6, lead04: 5, lead06: 6 };
const SELF_EVALUATION_LEAD = 'lead03';

const round = (value, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;
const period = (month) => `${DEMO_YEAR}-${String(month).padStart(2, '0')}`;
const withUnit = (value, unit) => `${value}${unit ?? ''}`;

function statusOf(lead, month) {
  return WORKFLOW[lead]?.[month] ?? (month <= 5 ? 'approved' : 'draft');
}

async function call(baseUrl, method, path, token, body) {
  const form = body instanceof FormData;
  const response = await fetch(`${baseUrl}/api${path}`, {
    method,
    headers: {
      ...(form ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : form ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

/** A write that may already have happened: 2xx, or 409 / 423 (exists, or the month is closed), else an error. */
async function write(baseUrl, method, path, token, body, what) {
  const { status, body: answer } = await call(baseUrl, method, path, token, body);
  if (status >= 200 && status < 300) return answer;
  if (status === 409 || status === 423) return null;
  throw new Error(`${what} answered ${status}: ${answer?.message ?? ''}`);
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

/** An actual (and forecast) for month m that lands on the light the factor stands for. */
export function demoReport(indicator, month, factor) {
  const target = indicator.target;
  const behind = factor < 0.6;
  if (!target || target.confidence === 'unparsed') return { actual: behind ? '部分达成' : '达成' };
  const v = target.value;
  switch (target.accumulation) {
    case 'cumulative': {
      if (target.operator === 'between') return { actual: withUnit(target.min, target.unit) };
      if (target.operator === 'all-of')
        return {
          actual: target.parts
            .map((part) => withUnit(round((part.value ?? 0) * (month / 12) * factor, 0), part.unit))
            .join('、'),
        };
      if (v === undefined) return { actual: '达成' };
      if (target.direction === 'lower') {
        const used = v * (month / 12) * (behind ? 1.5 : 0.8);
        return { actual: withUnit(round(used), target.unit) };
      }
      return {
        actual: withUnit(round(v * (month / 12) * factor, 0), target.unit),
        forecast: withUnit(round(v * Math.max(factor, 0.8), 0), target.unit),
        likelihood: behind ? '有可能' : '确定能',
      };
    }
    case 'level': {
      if (v === undefined) return { actual: '达成' };
      if (target.direction === 'lower')
        return { actual: withUnit(round(v * (behind ? 1.2 : 0.9)), target.unit) };
      if (target.direction === 'exact') return { actual: withUnit(v, target.unit) };
      const level = target.unit === '%' ? Math.min(100, v * Math.min(factor, 1.05)) : v * factor;
      return { actual: withUnit(round(level, 1), target.unit) };
    }
    case 'zero-tolerance':
      return { actual: '0' };
    case 'deadline':
      return { actual: '进行中' };
    default:
      return { actual: behind ? '部分达成' : '达成' };
  }
}

/** The falling indicator's report for month m (see FALLING). */
function fallingReport(indicator, month) {
  const { value, unit } = indicator.target;
  return {
    actual: withUnit(round(value * FALLING.shares[month - 1], 0), unit),
    forecast: withUnit(value, unit),
    likelihood: '确定能',
  };
}

/** A month of reports for these indicators; returns how many were written. */
async function putReports(baseUrl, token, indicators, month, offset, falling) {
  let written = 0;
  for (const [index, indicator] of indicators.entries()) {
    // Early months a little behind, June on the factor: the trend moves.
    const factor = FACTORS[(index + offset) % FACTORS.length] * (0.82 + 0.03 * month);
    const report =
      indicator === falling ? fallingReport(indicator, month) : demoReport(indicator, month, factor);
    const body =
      factor < 0.6
        ? {
            ...report,
            reasons: ['经费保障'],
            reasonText: '资金拨付滞后',
            correctiveAction: '加快资金拨付进度',
          }
        : report;
    const saved = await write(
      baseUrl,
      'PUT',
      `/indicators/${indicator.id}/reports/${period(month)}`,
      token,
      body,
      `report ${indicator.name} ${period(month)}`,
    );
    if (saved) written += 1;
  }
  return written;
}

async function attachEvidence(baseUrl, token, indicator, month) {
  const name = `${DEMO_YEAR}年${month}月工作台账.txt`;
  const path = `/indicators/${indicator.id}/reports/${period(month)}/evidence`;
  const { body: files } = await call(baseUrl, 'GET', path, token);
  if (Array.isArray(files) && files.some((file) => file.fileName === name)) return 0;
  const form = new FormData();
  form.append(
    'file',
    new Blob([`${indicator.name}：${DEMO_YEAR} 年 ${month} 月工作台账（演示数据）\n`], {
      type: 'text/plain',
    }),
    name,
  );
  return (await write(baseUrl, 'POST', path, token, form, `evidence ${name}`)) ? 1 : 0;
}

/** One project's half year, as its lead and the leader would write it. */
async function projectHalfYear(baseUrl, password, project, offset, leader, counters) {
  const lead = project.lead;
  const token = await login(baseUrl, lead, password);
  const detail = (await call(baseUrl, 'GET', `/projects/${project.id}`, token)).body;
  const indicators = annualIndicators(detail.goals);
  const budgetYuan = detail.budgetExecution.budgetYuan;
  const falling = lead === FALLING.lead ? fallingIndicator(indicators) : undefined;
  for (const month of DEMO_MONTHS) {
    const status = statusOf(lead, month);
    if (status === 'missing') continue;
    const reports = await putReports(baseUrl, token, indicators, month, offset, falling);
    counters.reports += reports;
    const executed = round(budgetYuan * (month / 12) * BUDGET_PACE[offset % BUDGET_PACE.length]);
    const budget = await write(
      baseUrl,
      'PUT',
      `/projects/${project.id}/budget-execution/${period(month)}`,
      token,
      { executed },
      `budget ${project.name} ${period(month)}`,
    );
    if (budget) counters.budgets += 1;
    if (EVIDENCE[lead] === month && indicators.length > 0) {
      const files = await attachEvidence(baseUrl, token, indicators[0], month);
      counters.evidence += files;
    }
    if (status === 'draft') continue;
    const at = `/projects/${project.id}/periods/${period(month)}`;
    // The lead has checked the rows the entry warnings point at (a count ahead of plan, …) before submitting.
    const submit = { acknowledgeWarnings: true };
    if (
      await write(baseUrl, 'POST', `${at}/submit`, token, submit, `submit ${project.name} ${period(month)}`)
    )
      counters.submitted += 1;
    if (status === 'approved') {
      if (
        await write(baseUrl, 'POST', `${at}/approve`, leader, {}, `approve ${project.name} ${period(month)}`)
      )
        counters.approved += 1;
    } else if (status === 'returned') {
      if (
        await write(
          baseUrl,
          'POST',
          `${at}/return`,
          leader,
          { reason: RETURN_REASON },
          `return ${project.name} ${period(month)}`,
        )
      )
        counters.returned += 1;
    }
  }
  if (lead === SELF_EVALUATION_LEAD) {
    const path = `/projects/${project.id}/self-evaluation/${DEMO_YEAR}`;
    const { body: sheet } = await call(baseUrl, 'GET', path, token);
    if (sheet && !sheet.version) {
      await write(
        baseUrl,
        'PUT',
        path,
        token,
        {
          version: sheet.version ?? 0,
          overallResult:
            '上半年各项工作按计划推进，资金拨付略有滞后，下半年加快执行进度。（演示数据，自评草稿）',
        },
        `self-evaluation ${project.name}`,
      );
      counters.selfEvaluations += 1;
    }
  }
}

/** The demo projects (one per lead, lead01 … in the demo accounts' order) of the first department. */
async function demoProjects(baseUrl, admin) {
  const [department] = (await call(baseUrl, 'GET', '/departments', admin)).body;
  const projects = (
    await call(baseUrl, 'GET', `/departments/${department.code}/years/${DEMO_YEAR}/projects`, admin)
  ).body;
  const byLead = projects
    .flatMap((project) =>
      project.leads
        .filter((lead) => /^lead\d+$/.test(lead.username))
        .map((lead) => ({ lead: lead.username, id: project.id, name: project.name })),
    )
    .sort((a, b) => a.lead.localeCompare(b.lead));
  return { department: department.code, projects: byLead };
}

/** Writes the demo half year unless a finished run left its round; returns what it found and wrote. */
export async function seedDemo(baseUrl, password = 'Jixiao@2025') {
  const counters = {
    reports: 0,
    budgets: 0,
    evidence: 0,
    submitted: 0,
    approved: 0,
    returned: 0,
    selfEvaluations: 0,
  };
  const admin = await login(baseUrl, 'admin', password);
  const { department, projects } = await demoProjects(baseUrl, admin);
  const roundsPath = `/departments/${department}/years/${DEMO_YEAR}/rounds`;
  const rounds = (await call(baseUrl, 'GET', roundsPath, admin)).body ?? [];
  if (rounds.some((item) => item.name === DEMO_ROUND))
    return { done: false, department, projects, ...counters };

  const leader = await login(baseUrl, 'leader', password);
  // Two projects at a time: the server interleaves them (one embedded connection, but HTTP and parsing overlap).
  const queue = projects.map((project, offset) => ({ project, offset }));
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift())
      await projectHalfYear(baseUrl, password, next.project, next.offset, leader, counters);
  };
  await Promise.all([worker(), worker()]);

  // 部门整体 is reported like a project (docs/domain.md §11): the admin, its default reporter, fills every month
  // and submits January–May, which the leader approves; June stays a draft (the overall-cycle browser test).
  const overall = (await call(baseUrl, 'GET', `/departments/${department}/years/${DEMO_YEAR}`, admin)).body;
  for (const month of DEMO_MONTHS) {
    const reports = await putReports(baseUrl, admin, annualIndicators(overall.goals), month, 1);
    counters.reports += reports;
    if (month > 5) continue;
    const at = `/departments/${department}/years/${DEMO_YEAR}/periods/${period(month)}`;
    const what = `部门整体 ${period(month)}`;
    if (await write(baseUrl, 'POST', `${at}/submit`, admin, { acknowledgeWarnings: true }, `submit ${what}`))
      counters.submitted += 1;
    if (await write(baseUrl, 'POST', `${at}/approve`, leader, {}, `approve ${what}`)) counters.approved += 1;
  }
  await write(
    baseUrl,
    'POST',
    roundsPath,
    admin,
    { name: DEMO_ROUND, period: period(6), deadline: `${DEMO_YEAR}-07-15` },
    'monitoring round',
  );
  return { done: true, department, projects, ...counters };
}

export function describeSeed(result) {
  if (!result.done) return `演示数据已存在（${DEMO_ROUND}），未重复写入`;
  return (
    `演示数据已写入：${result.reports} 条指标填报、${result.budgets} 条预算执行、${result.evidence} 份佐证材料，` +
    `${result.submitted} 期提交（${result.approved} 期审核通过、${result.returned} 期退回），` +
    `${result.selfEvaluations} 份自评草稿，监控轮次“${DEMO_ROUND}”`
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const baseUrl = (process.env.BASE_URL ?? '').replace(/\/+$/, '');
  if (!baseUrl) {
    console.error('BASE_URL is required, e.g. BASE_URL=http://localhost:3000');
    process.exit(2);
  }
  const started = Date.now();
  const result = await seedDemo(baseUrl, process.env.DEMO_PASSWORD);
  console.log(`${describeSeed(result)} (${Math.round((Date.now() - started) / 1000)} s)`);
}
