// Browser check of editing the indicator trees (issue 13, docs/domain.md "Editing the trees") against a running
// server: the admin opens a project, switches to edit mode, adds a 三级指标 and sees, as the target is typed,
// the parser's reading of a measurable target and the review's finding on a vague one; the saved row carries its
// reading and the API keeps it with an audit entry. 部门整体 and 管理 › 年度与项目 are looked at too. Screens at
// 1366, 768 and 390 px.
//
//   BASE_URL=http://localhost:3000 node frontend/e2e/tree-edit.e2e.mjs
//
// Env: see support/browser.mjs. Needs the demo accounts and the seeded department (each run adds one indicator
// named with the time, so runs never collide).
import { openPage } from './support/browser.mjs';

const { baseUrl, page, screenshot, check, step, api, token, logIn, run } = await openPage({
  width: 1366,
  height: 900,
});
const name = `岗前培训覆盖情况 ${Date.now() % 100000}`;

await run(async () => {
  let projectId = '';
  const editor = page.locator('app-tree-editor');
  const form = editor.locator('form.indicator-form');
  const live = form.locator('[data-testid="live-reading"]');
  const findings = form.locator('[data-testid="live-findings"]');

  await step('the admin opens a project and switches to edit mode', async () => {
    const admin = await token('admin');
    const departments = await api('GET', '/departments', admin);
    check(departments.status === 200, `departments: ${departments.status}`);
    const { code, years } = departments.body[0];
    const projects = await api('GET', `/departments/${code}/years/${Math.max(...years)}/projects`, admin);
    check(projects.status === 200 && projects.body.length > 0, `projects: ${projects.status}`);
    projectId = projects.body[0].id;
    await logIn('admin');
    await page.goto(`${baseUrl}/projects/${projectId}`);
    await page.getByRole('button', { name: '编辑指标树' }).click();
    await editor.locator('article.goal').first().waitFor();
    await screenshot('edit-mode');
  });

  await step('typing a target shows how it is read, and a vague one shows the review finding', async () => {
    await editor.locator('article.goal').first().getByRole('button', { name: '新增指标' }).click();
    await form.waitFor();
    await form.locator('#edit-name').fill(name);
    await form.locator('#edit-target').fill('≥500人');
    await live.filter({ hasText: '不低于 500 人' }).waitFor();
    await findings.filter({ hasText: '未发现问题' }).waitFor();
    await screenshot('measurable-target');
    await form.locator('#edit-target').fill('有所提升');
    await findings.filter({ hasText: '没有数值或可核验的标准' }).waitFor();
    check(
      (await findings.locator('.finding').first().textContent())?.includes('建议'),
      'the finding has no fix hint',
    );
    await screenshot('vague-target');
    await form.locator('#edit-target').fill('≥95%');
    await live.filter({ hasText: '不低于 95%' }).waitFor();
  });

  await step('saving adds the row with its reading, kept by the API with an audit entry', async () => {
    await form.getByRole('button', { name: '保存' }).click();
    const row = editor.locator('tbody tr', { hasText: name });
    await row.waitFor();
    check(
      (await row.textContent())?.includes('不低于 95%'),
      `the row does not read the target: ${await row.textContent()}`,
    );
    await screenshot('saved');
    const admin = await token('admin');
    const detail = await api('GET', `/projects/${projectId}`, admin);
    const saved = detail.body.goals
      .flatMap((goal) => goal.indicators.flatMap((l1) => l1.children.flatMap((l2) => l2.indicators)))
      .find((indicator) => indicator.name === name);
    check(
      saved?.target?.operator === '>=' && saved.target.value === 95,
      `stored reading: ${JSON.stringify(saved?.target)}`,
    );
    const audit = await api('GET', '/audit?action=indicator.create&pageSize=100', admin);
    check(
      audit.status === 200 && audit.body.items.some((entry) => entry.entityId === saved.id),
      'no audit entry for the new indicator',
    );
  });

  await step(
    '部门整体 offers the admin the same editor, and 管理 the new year and project forms',
    async () => {
      await page.goto(`${baseUrl}/overall`);
      await page.getByRole('button', { name: '编辑指标树' }).click();
      await editor.locator('article.goal').first().waitFor();
      await screenshot('overall-edit-mode');
      await page.goto(`${baseUrl}/admin/trees`);
      await page.locator('#new-year').waitFor();
      await page.locator('#project-name').fill('新项目（未保存）');
      const buttons = page.locator(
        'form.year-form button[type="submit"], form.project-form button[type="submit"]',
      );
      for (const button of await buttons.all())
        check(await button.isEnabled(), `${await button.textContent()} is disabled`);
      await screenshot('admin-years-and-projects');
      await page.goto(`${baseUrl}/projects/${projectId}`);
      await page.getByRole('button', { name: '编辑指标树' }).click();
      await editor.locator('article.goal').first().waitFor();
    },
  );

  await step('the editor fits a tablet and a phone', async () => {
    for (const [width, height, label] of [
      [768, 1024, 'tablet'],
      [390, 844, 'phone'],
    ]) {
      await page.setViewportSize({ width, height });
      await editor.locator('article.goal').first().scrollIntoViewIfNeeded();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      check(overflow <= 1, `the page scrolls sideways at ${width} px (${overflow} px)`);
      await screenshot(label);
    }
  });
});
