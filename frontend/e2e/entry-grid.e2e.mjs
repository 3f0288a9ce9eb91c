// Browser check of the 填报 grid for a lead with many indicators (issue 16): the deviation fields (reasons,
// corrective action, evidence) show only on rows whose light asks for them or that the lead opens; a column
// copied from Excel is pasted into the grid (a synthetic ClipboardEvent carrying a DataTransfer), checked and
// shown as a highlighted preview, cancelled, pasted again, confirmed and saved; "同上月" copies the previous
// report into a row.
//
//   BASE_URL=http://localhost:3000 node frontend/e2e/entry-grid.e2e.mjs
//
// Env: BASE_URL (required), DEMO_PASSWORD (default Jixiao@2025), CHROMIUM_PATH (default /usr/bin/chromium),
// SCREENSHOT_DIR (default: a new temporary folder), HEADED=1 to watch it. Exits non-zero on the first failed step.
// Needs the demo half year (scripts/demo-data.mjs): lead06's June is a draft, May approved. The script writes
// lead06's June draft only, so it can run again on the same data.
import { DEMO_YEAR, demoReport, seedDemo } from '../../scripts/demo-data.mjs';
import { openPage } from './support/browser.mjs';

const LEAD = 'lead06';
const PERIOD = `${DEMO_YEAR}-06`;

const { baseUrl, password, screenshotDir, page, screenshot, check, step, text, api, run } = await openPage({
  width: 1366,
  height: 768,
  failOnDialog: true,
});

/** The project's annual indicators with their June reports, by id (read as the lead through the API). */
async function annualIndicators(projectId) {
  const { body: session } = await api('POST', '/auth/login', null, { username: LEAD, password });
  const { body: detail } = await api('GET', `/projects/${projectId}?asOf=${PERIOD}`, session.accessToken);
  await api('POST', '/auth/logout', session.accessToken);
  const indicators = detail.goals
    .filter((goal) => goal.term === 'annual')
    .flatMap((goal) => goal.indicators.flatMap((l1) => l1.children.flatMap((l2) => l2.indicators)));
  return new Map(indicators.map((indicator) => [indicator.id, indicator]));
}

/** The stored June value of each indicator. */
async function storedJune(projectId) {
  const indicators = await annualIndicators(projectId);
  return new Map(
    [...indicators].map(([id, indicator]) => [
      id,
      indicator.latestReport?.period === PERIOD ? indicator.latestReport.actualRaw : null,
    ]),
  );
}

/** A target that wants a number (a word pasted there is refused). */
const wantsNumber = (target) =>
  target?.confidence !== 'unparsed' &&
  target?.value !== undefined &&
  ['cumulative', 'level'].includes(target.accumulation) &&
  !['all-of', 'between', 'qualitative', 'by-date'].includes(target.operator);

/** Pastes text into a cell the way a browser does when Excel's copy is pasted: a ClipboardEvent with its data. */
async function pasteInto(locator, data) {
  await locator.focus();
  return locator.evaluate((input, tsv) => {
    const clipboardData = new DataTransfer();
    clipboardData.setData('text/plain', tsv);
    const event = new ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true });
    input.dispatchEvent(event);
    return event.defaultPrevented;
  }, data);
}

await run(async () => {
  const seeded = await seedDemo(baseUrl, password);
  const project = seeded.projects.find((item) => item.lead === LEAD);
  check(project, `${LEAD} leads no demo project`);
  const rows = page.locator('tr.entry-row');
  let count = 0;

  await step(`${LEAD} opens ${project.name} for June`, async () => {
    await page.goto(`${baseUrl}/login`);
    await page.locator('#login-username').fill(LEAD);
    await page.locator('#login-password').fill(password);
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    await page.goto(`${baseUrl}/reports/${project.id}/${PERIOD}`);
    await rows.first().waitFor();
    count = await rows.count();
    check(count >= 3, `only ${count} indicator rows`);
    check(!(await page.locator('button.save').isDisabled()), `June of ${LEAD} is not editable`);
  });

  await step(
    'the deviation fields show only where the light asks for them, or when the lead opens them',
    async () => {
      let toggled = null;
      for (let index = 0; index < count; index += 1) {
        const row = rows.nth(index);
        const id = await row.getAttribute('data-indicator');
        const light = await text(row.locator('.col-light app-light-badge .name'));
        const details = page.locator(`tr.details-row[data-indicator="${id}"]`);
        if (light === '红灯' || light === '黄灯') {
          check((await details.count()) === 1, `row ${index + 1} is ${light} but shows no deviation fields`);
          check((await row.locator('.details-required').count()) === 1, `row ${index + 1} does not ask why`);
        }
        if ((await details.count()) === 0) {
          check(
            (await row.locator('[data-cell=details]').count()) === 1,
            `row ${index + 1} cannot be opened`,
          );
          toggled ??= { row, details };
        }
      }
      const shown = await page.locator('tr.details-row').count();
      check(shown < count, `all ${count} rows show their deviation fields`);
      check(toggled, 'no row hides its deviation fields');
      const toggle = toggled.row.locator('[data-cell=details]');
      check((await toggle.getAttribute('aria-expanded')) === 'false', 'a closed toggle says expanded');
      await toggle.click();
      await toggled.details.locator('[data-cell=correctiveAction]').waitFor();
      check((await toggle.getAttribute('aria-expanded')) === 'true', 'an open toggle says collapsed');
      await screenshot('details-opened');
      await toggle.click();
      await toggled.details.waitFor({ state: 'detached' });
      console.log(`  ${shown} of ${count} rows show their deviation fields`);
    },
  );

  // The values a lead on pace would report in June, in the grid's order (as the demo computes them).
  const indicators = [];
  await step(
    'a column pasted from Excel fills the grid as a preview with its problems; cancel puts it back',
    async () => {
      const byId = await annualIndicators(project.id);
      for (let index = 0; index < count; index += 1) {
        indicators.push(byId.get(await rows.nth(index).getAttribute('data-indicator')));
      }
      const before = await page
        .locator('[data-cell=actual]')
        .evaluateAll((inputs) => inputs.map((i) => i.value));
      // One row gets a word where its target wants a number.
      const bad = indicators.findIndex((indicator) => wantsNumber(indicator.target));
      check(bad >= 0, 'no quantitative row to paste a bad value into');
      const column = indicators.map((indicator, index) =>
        index === bad ? '进行中' : demoReport(indicator, 6, 1).actual,
      );
      const taken = await pasteInto(
        page.locator('[data-row="0"][data-cell=actual]'),
        `${column.join('\r\n')}\r\n`,
      );
      check(taken, 'the grid did not take the paste over');
      const preview = page.locator('app-entry-preview');
      await preview.waitFor();
      check(
        (await text(preview)).includes(`已填入 ${count} 项（${count} 行）`),
        `preview: ${await text(preview)}`,
      );
      check(
        (await text(preview)).includes('1 项无法保存'),
        `the bad value is not reported: ${await text(preview)}`,
      );
      check((await page.locator('td.pasted').count()) === count, 'not every pasted cell is highlighted');
      check((await page.locator('td.pasted-error').count()) === 1, 'the bad value is not marked');
      check(await page.locator('button.save').isDisabled(), 'save is possible before confirming the paste');
      const after = await page
        .locator('[data-cell=actual]')
        .evaluateAll((inputs) => inputs.map((i) => i.value));
      check(JSON.stringify(after) === JSON.stringify(column), `the grid holds ${after.join(' | ')}`);
      await screenshot('paste-preview');
      await page.locator('button.cancel-preview').click();
      await preview.waitFor({ state: 'detached' });
      const restored = await page
        .locator('[data-cell=actual]')
        .evaluateAll((inputs) => inputs.map((i) => i.value));
      check(JSON.stringify(restored) === JSON.stringify(before), 'cancelling did not put the values back');
    },
  );

  let pasted = [];
  await step('pasted again and confirmed, the column is saved as pasted', async () => {
    // Excel copies a block as lines of tab-separated cells: 完成值 then 全年预计 (blank: left as it is).
    pasted = indicators.map((indicator) => demoReport(indicator, 6, 1).actual);
    const block = pasted
      .map((value, index) => (index === 0 ? `${value}\t${value}` : `${value}\t`))
      .join('\r\n');
    await pasteInto(page.locator('[data-row="0"][data-cell=actual]'), `${block}\r\n`);
    const preview = page.locator('app-entry-preview');
    await preview.waitFor();
    check(
      (await page.locator('td.pasted-error').count()) === 0,
      `a value is refused: ${await text(preview)}`,
    );
    check(
      (await page.locator('[data-row="0"][data-cell=forecast]').inputValue()) === pasted[0],
      'the second column did not reach 全年预计',
    );
    await page.locator('button.confirm-preview').click();
    await preview.waitFor({ state: 'detached' });
    await page.locator('button.save').click();
    await page.locator('.dirty-count', { hasText: '所有修改已保存' }).waitFor();
    check((await page.locator('.row-error').count()) === 0, 'a row failed to save');
    const stored = await storedJune(project.id);
    for (let index = 0; index < count; index += 1) {
      const id = await rows.nth(index).getAttribute('data-indicator');
      check(
        stored.get(id) === pasted[index],
        `row ${index + 1} stored ${stored.get(id)}, pasted ${pasted[index]}`,
      );
    }
    await screenshot('paste-saved', true);
  });

  await step('同上月 copies the previous report into a row', async () => {
    const copy = page.locator('[data-cell=same-as-last]').first();
    await copy.waitFor();
    const label = await copy.getAttribute('aria-label');
    const row = rows.nth(Number(await copy.getAttribute('data-row')));
    const previous = (await text(row.locator('.previous'))).replace(/同上月$/, '').trim();
    const value = previous.slice(previous.indexOf('：') + 1).trim();
    check(
      label.includes(`完成值 ${value}`),
      `the button says ${label}, the row's previous report is ${value}`,
    );
    await copy.click();
    // The input shows the copied value once the grid has rendered the change (not necessarily at once).
    const input = row.locator('[data-cell=actual]');
    await page
      .waitForFunction(
        ([element, expected]) => element.value === expected,
        [await input.elementHandle(), value],
        {
          timeout: 5_000,
        },
      )
      .catch(() => undefined);
    check((await input.inputValue()) === value, `the value was not copied: ${await input.inputValue()}`);
    await page.locator('button.save').click();
    await page.locator('.dirty-count', { hasText: '所有修改已保存' }).waitFor();
    await screenshot('same-as-last');
  });

  console.log(`all steps passed; screenshots in ${screenshotDir}`);
});
