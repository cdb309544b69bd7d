// Drives the dashboard in Debian's headless Chromium with playwright-core (no browser download):
//   node dashboard.cjs URL ALERT_ID EXPLANATION_FILE SCREENSHOT_DIR USER_DATA_DIR
// Waits for the alert in the live feed, checks its explanation, opens its evidence chain, then the
// agent's baseline, saving a screenshot of each. Prints the evidence steps' event ids as JSON.
'use strict';
const fs = require('fs');
const path = require('path');
const { chromium } = require(process.env.PLAYWRIGHT_CORE);

const [url, alertId, explanationFile, screenshotDir, userDataDir] = process.argv.slice(2);
const explanation = fs.readFileSync(explanationFile, 'utf8');

async function main() {
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1440, height: 1000 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = context.pages()[0] || await context.newPage();
    page.setDefaultTimeout(20000);
    await page.goto(url);
    const item = page.locator(`#feed li[data-alert-id="${alertId}"]`);
    await item.waitFor();
    const shown = (await item.locator('.explanation').innerText()).trim();
    if (shown !== explanation.trim()) throw new Error(`feed shows explanation:\n${shown}\nexpected:\n${explanation}`);
    await item.click();
    const steps = page.locator('#evidence li.evidence-step');
    await steps.first().waitFor();
    const eventIds = await steps.evaluateAll((els) => els.map((e) => e.dataset.eventId));
    const title = await page.locator('#detail-title').innerText();
    await page.screenshot({ path: path.join(screenshotDir, 'dashboard.png'), fullPage: true });

    await page.locator('#agents tbody tr').first().click();
    await page.locator('#rate-chart canvas').first().waitFor();
    await page.screenshot({ path: path.join(screenshotDir, 'dashboard-agent.png'), fullPage: true });
    console.log(JSON.stringify({ title, eventIds }));
  } finally {
    await context.close();
  }
}

main().catch((e) => { console.error(e.stack || String(e)); process.exit(1); });
