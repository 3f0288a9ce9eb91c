// Browser check of confirming target readings in bulk (issue 19, docs/domain.md §4) against a running server: the
// admin opens 指标值更正, narrows the list to the readings the parser inferred, ticks two, confirms them with
// 确认无误, and they leave the list for good, each confirmation audited.
//
//   BASE_URL=http://localhost:3000 node frontend/e2e/target-readings.e2e.mjs
//
// Env: see support/browser.mjs. Needs the demo accounts and the seeded department (its document has inferred
// readings; each run confirms two of them).
import { openPage } from './support/browser.mjs';

const { baseUrl, page, screenshot, check, step, api, token, logIn, run } = await openPage({
  width: 1366,
  height: 800,
});
const rows = page.locator('nz-table.targets tbody tr[data-indicator]');

await run(async () => {
  let picked = [];
  let before = 0;

  await step('the admin narrows 指标值更正 to the inferred readings', async () => {
    await logIn('admin');
    await page.goto(`${baseUrl}/admin/targets`);
    await rows.first().waitFor();
    await page.locator('nz-select#targets-confidence, #targets-confidence').first().click();
    await page.locator('nz-option-item', { hasText: '推断' }).click();
    // The list re-renders after the click (not necessarily at once): count only once the filter shows as chosen
    // and the table lists as many rows as the count beside it says are shown.
    await page.waitForFunction(() => {
      const chosen = document.querySelector(
        'nz-select.filter:has(#targets-confidence) .ant-select-selection-item',
      );
      const shown = /(\d+)\s*\/\s*(\d+)/.exec(document.querySelector('.shown')?.textContent ?? '');
      const listed = document.querySelectorAll('nz-table.targets tbody tr[data-indicator]').length;
      return chosen?.textContent?.includes('推断') && shown !== null && Number(shown[1]) === listed;
    });
    before = await rows.count();
    check(before >= 2, `fewer than two inferred readings listed (${before})`);
    await screenshot('inferred');
  });

  await step('the admin ticks two readings and confirms them in bulk', async () => {
    picked = [
      await rows.nth(0).getAttribute('data-indicator'),
      await rows.nth(1).getAttribute('data-indicator'),
    ];
    for (const id of picked) await page.locator(`tr[data-indicator="${id}"] td.select label`).click();
    const button = page.locator('button.confirm-selected');
    // The count follows the ticks once the list has rendered them (not necessarily at once).
    await page
      .locator('button.confirm-selected', { hasText: '2' })
      .waitFor({ timeout: 5_000 })
      .catch(() => undefined);
    check(
      (await button.textContent())?.includes('2'),
      `the button does not count two: ${await button.textContent()}`,
    );
    await button.click();
    await page.locator('.ant-modal-confirm .ant-btn-primary').click();
    await page.locator('.ant-message-success').waitFor();
    // The list reloads after the confirmation: wait for it to settle one row shorter per confirmed reading.
    await page.waitForFunction(
      (expected) =>
        document.querySelectorAll('nz-table.targets tbody tr[data-indicator]').length === expected &&
        !document.querySelector('nz-table.targets .ant-spin-spinning'),
      before - 2,
    );
    for (const id of picked)
      check((await page.locator(`tr[data-indicator="${id}"]`).count()) === 0, `${id} is still listed`);
    await screenshot('confirmed');
  });

  await step('after a reload they stay confirmed, each with its audit entry', async () => {
    await page.reload();
    await rows.first().waitFor();
    for (const id of picked)
      check((await page.locator(`tr[data-indicator="${id}"]`).count()) === 0, `${id} is listed again`);
    const audit = await api(
      'GET',
      '/audit?action=indicator.confirm-target&pageSize=100',
      await token('admin'),
    );
    check(audit.status === 200, `audit log: ${audit.status} ${JSON.stringify(audit.body)}`);
    for (const id of picked)
      check(
        audit.body.items.some((entry) => entry.entityId === id),
        `no audit entry for ${id}`,
      );
  });
});
