// Browser check of phones and tablets (issue 16): the 填报 grid, the 审核 detail, the dashboard and 期间锁定 at 390, 768
// and 1366 px wide, each screen with no sideways scroll of the page (document.documentElement.scrollWidth ≤
// window.innerWidth) and a full-page screenshot; on a phone the menu is a drawer opened from the top bar.
//
//   BASE_URL=http://localhost:3000 node frontend/e2e/responsive.e2e.mjs
//
// Env: BASE_URL (required), DEMO_PASSWORD (default Jixiao@2025), CHROMIUM_PATH (default /usr/bin/chromium),
// SCREENSHOT_DIR (default: a new temporary folder), HEADED=1 to watch it. Exits non-zero on the first failed step.
// Needs the demo half year (scripts/demo-data.mjs): lead06's June is a draft, lead02's May waits for review.
// Writes nothing.
import { DEMO_YEAR, seedDemo } from '../../scripts/demo-data.mjs';
import { openPage } from './support/browser.mjs';

/** Phone, tablet (portrait), laptop. */
const WIDTHS = [
  { width: 390, height: 844, name: 'phone' },
  { width: 768, height: 1024, name: 'tablet' },
  { width: 1366, height: 768, name: 'laptop' },
];

const { baseUrl, password, screenshotDir, page, screenshot, check, step, logIn, logOut, run } =
  await openPage({ width: WIDTHS[2].width, height: WIDTHS[2].height, fullPageShots: true });

/** How far the page scrolls sideways (0 when it fits), and the widest element sticking out, to say what. */
async function sidewaysScroll() {
  return page.evaluate(() => {
    const overflow = document.documentElement.scrollWidth - window.innerWidth;
    let widest = '';
    if (overflow > 0) {
      let right = window.innerWidth;
      for (const element of document.body.querySelectorAll('*')) {
        const box = element.getBoundingClientRect();
        if (box.right > right) {
          right = box.right;
          widest = `${element.tagName.toLowerCase()}.${[...element.classList].join('.')} (${Math.round(box.right)}px)`;
        }
      }
    }
    return { overflow, fits: document.documentElement.scrollWidth <= window.innerWidth, widest };
  });
}

/**
 * Opens the screen at each width; it must fit without sideways scroll. Screenshots: the whole page, the top of
 * the screen, and the part the screen is about (`focus`) scrolled into view.
 */
async function atEveryWidth(screen, open, focus) {
  for (const size of WIDTHS) {
    await page.setViewportSize({ width: size.width, height: size.height });
    await open(size);
    // Layout settles after the resize (charts redraw on resize).
    await page.waitForTimeout(600);
    const { fits, overflow, widest } = await sidewaysScroll();
    await screenshot(`${screen}-${size.width}-full`);
    await screenshot(`${screen}-${size.width}`, false);
    if (focus) {
      await page.locator(focus).first().scrollIntoViewIfNeeded();
      await screenshot(`${screen}-${size.width}-${focus.replace(/[^a-z]+/g, '-')}`, false);
    }
    check(fits, `${screen} at ${size.width}px scrolls ${overflow}px sideways; widest: ${widest}`);
  }
}

/** Rows laid out as cards (a CSS grid each) below 992 px, as table rows from there on. */
async function expectCards(selector, size) {
  const display = await page
    .locator(selector)
    .first()
    .evaluate((row) => getComputedStyle(row).display);
  check(
    size.width < 992 ? display === 'grid' : display === 'table-row',
    `at ${size.width}px ${selector} is laid out as ${display}`,
  );
}

await run(async () => {
  const seeded = await seedDemo(baseUrl, password);
  const entryProject = seeded.projects.find((item) => item.lead === 'lead06');
  const reviewProject = seeded.projects.find((item) => item.lead === 'lead02');
  check(entryProject && reviewProject, 'the demo projects of lead06 and lead02 were not found');

  await step('填报 fits 390, 768 and 1366 px: indicator cards on phones and tablets', async () => {
    await logIn('lead06');
    await atEveryWidth(
      'entry',
      async (size) => {
        await page.goto(`${baseUrl}/reports/${entryProject.id}/${DEMO_YEAR}-06`);
        await page.locator('tr.entry-row').first().waitFor();
        await expectCards('tr.entry-row', size);
      },
      'tr.entry-row',
    );
  });

  await step('on a phone the menu is a drawer opened from the top bar', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${baseUrl}/reports`);
    await page.locator('.user-name').waitFor();
    check((await page.locator('nz-sider').count()) === 0, 'the side menu takes room on a phone');
    const trigger = page.locator('button.trigger');
    check((await trigger.getAttribute('aria-expanded')) === 'false', 'the menu button says the menu is open');
    await trigger.click();
    const drawer = page.locator('.nav-drawer [nz-menu-item] a', { hasText: '首页' });
    await drawer.waitFor();
    // The drawer slides in for 300 ms.
    await page.waitForTimeout(500);
    check(
      (await trigger.getAttribute('aria-expanded')) === 'true',
      'the menu button says the menu is closed',
    );
    await screenshot('phone-menu-drawer', false);
    await drawer.click();
    await page.waitForURL((url) => url.pathname === '/dashboard');
    // The drawer closes behind the navigation (ng-zorro keeps it in the page, moved off screen).
    await page.locator('.ant-drawer-open .nav-drawer').waitFor({ state: 'detached' });
    check((await trigger.getAttribute('aria-expanded')) === 'false', 'the menu stays open after navigating');
    await logOut();
  });

  await step('审核 detail fits 390, 768 and 1366 px', async () => {
    await logIn('leader');
    await atEveryWidth(
      'review',
      async (size) => {
        await page.goto(`${baseUrl}/reviews/${reviewProject.id}/${DEMO_YEAR}-05`);
        await page.locator('table.grid tbody tr').first().waitFor();
        await page.locator('button.approve').waitFor();
        await expectCards('table.grid tbody tr', size);
      },
      'table.grid tbody tr',
    );
  });

  await step(
    'the dashboard fits 390, 768 and 1366 px, its lists as cards on phones and tablets',
    async () => {
      await atEveryWidth(
        'dashboard',
        async (size) => {
          await page.goto(`${baseUrl}/dashboard?year=${DEMO_YEAR}&asOf=${DEMO_YEAR}-06`);
          await page.locator('#flagged tbody tr.ant-table-row').first().waitFor();
          await page.waitForFunction(() =>
            [...document.querySelectorAll('app-chart')].every((chart) => chart.querySelector('svg path')),
          );
          await expectCards('#flagged tbody tr.ant-table-row', size);
        },
        '#flagged',
      );
    },
  );

  await step(
    'the city view fits 390, 768 and 1366 px: departments and the paged flagged list as cards on phones',
    async () => {
      await atEveryWidth(
        'dashboard-city',
        async (size) => {
          await page.goto(`${baseUrl}/dashboard?view=city&year=${DEMO_YEAR}&asOf=${DEMO_YEAR}-06`);
          await page.locator('#city-flagged tbody tr.ant-table-row').first().waitFor();
          await page.locator('#departments tbody tr[data-department]').first().waitFor();
          await expectCards('#city-flagged tbody tr.ant-table-row', size);
          await expectCards('#departments tbody tr[data-department]', size);
        },
        '#city-flagged',
      );
    },
  );

  await step('期间锁定 fits 390, 768 and 1366 px, its monitoring rounds as cards on phones', async () => {
    await logIn('admin');
    await atEveryWidth(
      'periods',
      async (size) => {
        await page.goto(`${baseUrl}/admin/periods`);
        const round = page.locator('nz-table.rounds tbody tr:not(.ant-table-placeholder)').first();
        await round.waitFor();
        const display = await round.evaluate((row) => getComputedStyle(row).display);
        check(
          size.width <= 600 ? display === 'block' : display === 'table-row',
          `at ${size.width}px a round is laid out as ${display}`,
        );
        const header = await page.locator('nz-table.rounds thead').boundingBox();
        check(
          size.width > 600 || (header?.height ?? 0) <= 1,
          `at ${size.width}px the rounds' column headers still show (${header?.height}px high)`,
        );
      },
      'nz-table.rounds',
    );
  });

  console.log(`all steps passed; screenshots in ${screenshotDir}`);
});
