// Browser tests of the studio against the Vite dev server with the in-memory backend (retail example).
// Run through `npm run e2e:ui` (scripts/e2e.mjs starts and stops the server and passes E2E_URL).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';

const url = process.env.E2E_URL;
if (!url) throw new Error('E2E_URL is not set: run the browser tests with `npm run e2e:ui`');

let browser;
let page;

before(async () => {
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
  page.setDefaultTimeout(15_000);
  page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
  await page.goto(url);
});

after(async () => {
  if (page && process.env.E2E_SCREENSHOTS) {
    mkdirSync(process.env.E2E_SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: `${process.env.E2E_SCREENSHOTS}/last.png` });
  }
  await browser?.close();
});

const node = (id) => page.getByTestId(`node-${id}`);

/** The element's box once it has stopped moving (viewport animations run longer on a loaded machine). */
async function settledBox(locator) {
  let previous = null;
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const box = await locator.boundingBox();
    if (box && previous && JSON.stringify(box) === JSON.stringify(previous)) return box;
    previous = box;
    await page.waitForTimeout(150);
  }
  return previous;
}

/** Jumps to an entity through the Ctrl+K palette. */
async function jumpTo(text) {
  await page.keyboard.press('Control+K');
  const input = page.getByTestId('palette-input');
  await input.fill(text);
  await page.getByTestId('palette-item').first().waitFor();
  await input.press('Enter');
  await page.getByTestId('palette').waitFor({ state: 'detached' });
}

test('the welcome screen opens the retail example and the canvas shows its products', async () => {
  await page.getByTestId('welcome-example-retail').click();
  await node('orders.order-management').waitFor();
  assert.equal(await page.title(), 'retail.mesh — Meshwright');
  const products = await page.locator('[data-node-kind="product"]').count();
  assert.equal(products, 28, 'every product of the retail example is on the canvas');
  await assert.doesNotReject(page.getByTestId('badge-payments.payment-transactions').waitFor());
});

test('dragging from an output port onto a product adds an input port bound to that contract', async () => {
  await jumpTo('Order management');
  // Let the jump's animation end, then zoom out a little so the target product in the same domain is on screen.
  await settledBox(node('orders.order-management'));
  await page.keyboard.press('-');
  await node('orders.sales-kpis').waitFor();
  const handle = page.getByTestId('handle-out-orders.order-management-order-lines');
  const target = node('orders.sales-kpis');
  const from = await settledBox(handle);
  const to = await settledBox(target);
  assert.ok(from && to, 'the output handle and the target product are on screen');
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 5 });
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 5 });
  await page.mouse.up();

  await page.getByTestId('rf__edge-dep:orders.sales-kpis:order-lines').waitFor({ state: 'attached' });
  await target.click();
  await page.getByTestId('inspector-port-in-order-lines').waitFor();
});

test('renaming a product in the inspector shows on the canvas, and Ctrl+Z reverts it', async () => {
  await node('orders.sales-kpis').click();
  const name = page.getByTestId('inspector-name');
  const original = await name.inputValue();
  await name.fill('Sales KPIs for the board');
  await name.press('Tab');
  await node('orders.sales-kpis').getByText('Sales KPIs for the board').waitFor();

  // Undo belongs to the canvas, not to the text field: click an empty spot of the canvas first.
  await page.locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
  await page.getByTestId('undo').waitFor({ state: 'visible' });
  await page.keyboard.press('Control+Z');
  await node('orders.sales-kpis').getByText(original, { exact: true }).waitFor();
  await node('orders.sales-kpis').click();
  assert.equal(await page.getByTestId('inspector-name').inputValue(), original);

  await page.keyboard.press('Control+Shift+Z');
  await node('orders.sales-kpis').getByText('Sales KPIs for the board').waitFor();
});

test('the Ctrl+K palette jumps to an entity and opens it in the inspector', async () => {
  await jumpTo('Payment reconciliation');
  await page.locator('.react-flow__node.selected[data-id="payments.payment-reconciliation"]').waitFor();
  assert.equal(await page.getByTestId('inspector-name').inputValue(), 'Payment reconciliation');
});
