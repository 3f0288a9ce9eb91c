// Browser check of next year from this year (结转, issue 13) against a running server: the admin creates 2026
// from 2025 in 期间锁定与监控轮次 after a confirmation, reads what was created, opens the proposed targets on
// 指标值更正 (each with last year's target and actual and why it reads so) and confirms one.
//
//   BASE_URL=http://localhost:3000 node frontend/e2e/carry-forward.e2e.mjs
//
// Env: see support/browser.mjs. Needs the demo accounts and the seeded department. So that the other scripts keep
// the seeded department with its one year, it works on a copy of it (department 999, imported here) whose
// department-wide goals get a December through the API first.
import { demoReport } from '../../scripts/demo-data.mjs';
import { openPage } from './support/browser.mjs';

const CODE = '999';
const NAME = '结转演示部门';

const { baseUrl, page, screenshot, check, step, api, token, logIn, run } = await openPage({
  width: 1366,
  height: 800,
});

/** The seeded department's 2025 as a copy named 999 (once; a later run finds it there). */
async function copyDepartment(admin) {
  const existing = await api('GET', `/departments/${CODE}/years/2025`, admin);
  if (existing.status === 200) return;
  const exported = await fetch(`${baseUrl}/api/departments/031/years/2025/export`, {
    headers: { authorization: `Bearer ${admin}` },
  });
  check(exported.ok, `export of 031: ${exported.status}`);
  const doc = await exported.json();
  doc.department = { ...doc.department, code: CODE, name: NAME };
  const form = new FormData();
  form.append('file', new Blob([JSON.stringify(doc)], { type: 'application/json' }), `${CODE}-2025.json`);
  const imported = await fetch(`${baseUrl}/api/imports`, {
    method: 'POST',
    headers: { authorization: `Bearer ${admin}` },
    body: form,
  });
  check(imported.status === 201, `import of ${CODE}: ${imported.status} ${await imported.text()}`);
}

/** December of the department-wide annual indicators, each above its target (the admin reports them). */
async function reportDecember(admin) {
  const { body: year } = await api('GET', `/departments/${CODE}/years/2025`, admin);
  const indicators = year.goals
    .filter((goal) => goal.term === 'annual')
    .flatMap((goal) => goal.indicators.flatMap((l1) => l1.children.flatMap((l2) => l2.indicators)));
  let written = 0;
  for (const indicator of indicators) {
    const res = await api(
      'PUT',
      `/indicators/${indicator.id}/reports/2025-12`,
      admin,
      demoReport(indicator, 12, 1.1),
    );
    if (res.status === 200 || res.status === 201) written++;
  }
  check(written > 0, 'no department-wide December report was written');
  return written;
}

await run(async () => {
  const admin = await token('admin');
  let created = null;

  await step('a copy of the seeded department has its 2025 reported to December', async () => {
    await copyDepartment(admin);
    await reportDecember(admin);
  });

  await step('the admin creates 2026 from 2025 after a confirmation and reads what was created', async () => {
    await logIn('admin');
    await page.goto(`${baseUrl}/admin/periods`);
    await page.locator('nz-select.department').click();
    await page.locator('nz-option-item', { hasText: NAME }).click();
    const button = page.locator('app-carry-forward button.carry');
    await button.waitFor();
    check(await button.isEnabled(), '由本年度生成下一年度 is disabled before 2026 exists');
    await screenshot('carry-forward-panel');
    await button.click();
    await page.locator('.ant-modal-confirm', { hasText: '由 2025 年度生成 2026 年度？' }).waitFor();
    await page.locator('.ant-modal-confirm .ant-btn-primary').click();
    const summary = page.locator('app-carry-forward .summary');
    await summary.waitFor();
    const text = (await summary.textContent()) ?? '';
    check(text.includes('已生成 2026 年度'), `summary: ${text}`);
    check(/建议指标值 \d+ 个待负责人确认/.test(text), `no proposals in the summary: ${text}`);
    await screenshot('carry-forward-done');
    const again = await api('POST', `/departments/${CODE}/years/2025/carry-forward`, admin);
    check(again.status === 409, `a second carry-forward answered ${again.status}`);
    created = text;
  });

  await step('the proposed targets of 2026 are listed with last year’s target, actual and why', async () => {
    await page.locator('app-carry-forward button.view-proposals').click();
    await page.waitForURL((url) => url.pathname === '/admin/targets');
    const rows = page.locator('app-target-proposals tbody tr[data-indicator]');
    await rows.first().waitFor();
    check((await page.locator('nz-select.year').textContent())?.includes('2026'), 'the year is not 2026');
    const raised = rows.filter({ hasText: '上年已达标' });
    check((await raised.count()) > 0, `no target raised from last year's actual (${created})`);
    const rowsOfCells = await raised.evaluateAll((trs) =>
      trs.map((tr) => Array.from(tr.querySelectorAll('td')).map((td) => td.textContent?.trim() ?? '')),
    );
    // Some met target is raised (a rate already at 100 % stays).
    const changed = rowsOfCells.find((cells) => cells[2] !== cells[4]);
    check(changed !== undefined, `no proposal differs from last year's target (${rowsOfCells.length} met)`);
    check(/（2025-12）/.test(changed[3]), `last year's actual is not December's: ${changed[3]}`);
    await screenshot('proposals');
  });

  await step('the admin confirms one proposal and it leaves the list', async () => {
    const rows = page.locator('app-target-proposals tbody tr[data-indicator]');
    const before = await rows.count();
    const id = await rows.first().getAttribute('data-indicator');
    await rows.first().locator('button.confirm').click();
    await page.locator('.ant-message-success').waitFor();
    await page.waitForFunction(
      (expected) =>
        document.querySelectorAll('app-target-proposals tbody tr[data-indicator]').length === expected,
      before - 1,
    );
    check((await page.locator(`tr[data-indicator="${id}"]`).count()) === 0, `${id} is still listed`);
    const audit = await api('GET', '/audit?action=indicator.confirm-proposal&pageSize=20', admin);
    check(
      audit.body?.items?.some((entry) => entry.entityId === id),
      `no audit entry for ${id}: ${audit.status}`,
    );
  });

  await step('the proposals read on a tablet and a phone', async () => {
    for (const [width, height] of [
      [768, 1024],
      [390, 844],
    ]) {
      await page.setViewportSize({ width, height });
      await page.locator('app-target-proposals tbody tr[data-indicator]').first().waitFor();
      await screenshot(`proposals-${width}`);
    }
    await page.goto(`${baseUrl}/admin/periods`);
    await page.locator('app-carry-forward').waitFor();
    await screenshot('carry-forward-390', true);
  });
});
