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

/**
 * Waits until the canvas's viewport is still: no move asked for and not started yet (`data-viewport-pending`,
 * a reveal waits a moment before zooming) and none under way (`data-viewport-moving`, between React Flow's
 * move start and end). A state, not a pause: on a loaded machine animations simply take longer.
 */
async function viewportStill() {
  await page.locator('[data-testid="canvas"]:not([data-viewport-pending]):not([data-viewport-moving])').waitFor({ state: 'attached' });
}

/** The viewport's transform as the DOM shows it. */
const viewportTransform = () => page.locator('.react-flow__viewport').evaluate((element) => element.style.transform);

/**
 * A point (page coordinates) where a pointer lands on the element itself and not on whatever covers it (the
 * inspector, the minimap, the controls), at least `margin` px inside the canvas (React Flow pans the canvas while
 * a drag comes within 40 px of its edge). The point nearest the centre of the element's visible part; null if none.
 */
async function hitPoint(locator, margin = 60) {
  return locator.evaluate((element, margin) => {
    const pane = document.querySelector('.react-flow')?.getBoundingClientRect();
    if (!pane) return null;
    const box = element.getBoundingClientRect();
    const left = Math.max(box.left, pane.left + margin);
    const right = Math.min(box.right, pane.right - margin);
    const top = Math.max(box.top, pane.top + margin);
    const bottom = Math.min(box.bottom, pane.bottom - margin);
    if (left >= right || top >= bottom) return null;
    const centre = { x: (left + right) / 2, y: (top + bottom) / 2 };
    const candidates = [];
    const steps = 12;
    for (let i = 0; i <= steps; i += 1) {
      for (let j = 0; j <= steps; j += 1) {
        candidates.push({ x: left + ((right - left) * i) / steps, y: top + ((bottom - top) * j) / steps });
      }
    }
    candidates.sort((a, b) => Math.hypot(a.x - centre.x, a.y - centre.y) - Math.hypot(b.x - centre.x, b.y - centre.y));
    for (const point of candidates) {
      const hit = document.elementFromPoint(point.x, point.y);
      if (hit && (hit === element || element.contains(hit))) return point;
    }
    return null;
  }, margin);
}

/** Clicks a node where it can really be clicked (part of it may sit under the inspector). */
async function clickNode(id) {
  await viewportStill();
  const point = await hitPoint(node(id), 4);
  assert.ok(point, `node ${id} has a spot on screen to click`);
  await page.mouse.click(point.x, point.y);
}

/** Clicks an empty spot of the canvas (the pane itself, no node or region on it). */
async function clickEmptyCanvas() {
  await viewportStill();
  const point = await page.locator('.react-flow__pane').evaluate((pane) => {
    const box = pane.getBoundingClientRect();
    for (let y = box.top + 10; y < box.bottom - 10; y += 16) {
      for (let x = box.left + 10; x < box.right - 10; x += 16) {
        if (document.elementFromPoint(x, y) === pane) return { x, y };
      }
    }
    return null;
  });
  assert.ok(point, 'the canvas has an empty spot');
  await page.mouse.click(point.x, point.y);
}

/** Jumps to an entity through the Ctrl+K palette and waits until the view has stopped moving. */
async function jumpTo(text) {
  await page.keyboard.press('Control+K');
  const input = page.getByTestId('palette-input');
  await input.fill(text);
  await page.getByTestId('palette-item').first().waitFor();
  await input.press('Enter');
  await page.getByTestId('palette').waitFor({ state: 'detached' });
  await viewportStill();
}

test('the welcome screen opens the retail example and the canvas shows its products', async () => {
  await page.getByTestId('welcome-example-retail').click();
  await node('orders.order-management').waitFor();
  await viewportStill();
  assert.equal(await page.title(), 'retail.mesh — Meshwright');
  // Nodes outside the view are not rendered: wait for the fitted view to show all of them.
  const products = page.locator('[data-node-kind="product"]');
  await page
    .waitForFunction(() => document.querySelectorAll('[data-node-kind="product"]').length === 28, null, { timeout: 10_000 })
    .catch(() => undefined);
  assert.equal(await products.count(), 28, 'every product of the retail example is on the canvas');
  await assert.doesNotReject(page.getByTestId('badge-payments.payment-transactions').waitFor());
});

test('dragging from an output port onto a product adds an input port bound to that contract', async () => {
  await jumpTo('Order management');
  const handle = page.getByTestId('handle-out-orders.order-management-order-lines');
  const target = node('orders.sales-kpis');
  // The jump zooms in on Order management; zoom out step by step until the target product has a spot well
  // inside the canvas (not under the inspector, not at the edge where a drag makes the canvas pan).
  let from = null;
  let to = null;
  for (let step = 0; step < 4; step += 1) {
    from = (await handle.count()) > 0 ? await hitPoint(handle) : null;
    to = (await target.count()) > 0 ? await hitPoint(target) : null;
    if (from && to) break;
    const before = await viewportTransform();
    await page.keyboard.press('-');
    await page.waitForFunction((previous) => document.querySelector('.react-flow__viewport')?.style.transform !== previous, before);
    await viewportStill();
  }
  assert.ok(from, 'the output handle order-lines of Order management can be grabbed');
  assert.ok(to, 'the product Executive sales KPIs can be dropped on');
  const edge = page.getByTestId('rf__edge-dep:orders.sales-kpis:order-lines');
  assert.equal(await edge.count(), 0, 'Executive sales KPIs does not read order-lines yet');

  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 5 });
  // The drag has become a connection (React Flow draws its line) before it reaches the target.
  await page.locator('.react-flow__connection-path').waitFor({ state: 'attached' });
  await page.mouse.move(to.x, to.y, { steps: 5 });
  await page.mouse.up();

  await edge.waitFor({ state: 'attached' });
  await clickNode('orders.sales-kpis');
  await page.getByTestId('inspector-port-in-order-lines').waitFor();
});

test('renaming a product in the inspector shows on the canvas, and Ctrl+Z reverts it', async () => {
  await clickNode('orders.sales-kpis');
  const name = page.getByTestId('inspector-name');
  await page.locator('.react-flow__node.selected[data-id="orders.sales-kpis"]').waitFor();
  const original = await name.inputValue();
  await name.fill('Sales KPIs for the board');
  await name.press('Tab');
  await node('orders.sales-kpis').getByText('Sales KPIs for the board').waitFor();

  // Undo belongs to the canvas, not to the text field: click an empty spot of the canvas first.
  await clickEmptyCanvas();
  await page.getByTestId('undo').waitFor({ state: 'visible' });
  await page.keyboard.press('Control+Z');
  await node('orders.sales-kpis').getByText(original, { exact: true }).waitFor();
  await clickNode('orders.sales-kpis');
  await page.locator('.react-flow__node.selected[data-id="orders.sales-kpis"]').waitFor();
  assert.equal(await page.getByTestId('inspector-name').inputValue(), original);

  await page.keyboard.press('Control+Shift+Z');
  await node('orders.sales-kpis').getByText('Sales KPIs for the board').waitFor();
});

test('the Ctrl+K palette jumps to an entity and opens it in the inspector', async () => {
  await jumpTo('Payment reconciliation');
  await page.locator('.react-flow__node.selected[data-id="payments.payment-reconciliation"]').waitFor();
  assert.equal(await page.getByTestId('inspector-name').inputValue(), 'Payment reconciliation');
});

test('Ctrl+Z in a text field undoes the typing there; the toolbar Undo undoes the design', async () => {
  // Payment reconciliation is open in the inspector (previous test); nothing is left to redo.
  const name = page.getByTestId('inspector-name');
  const redo = page.getByTestId('redo');
  assert.equal(await redo.isDisabled(), true, 'nothing to redo before the test');
  await name.click();
  await name.press('End');
  await page.keyboard.type(' v2');
  assert.equal(await name.inputValue(), 'Payment reconciliation v2');
  await name.press('Control+Z');
  assert.equal(await name.inputValue(), 'Payment reconciliation', 'Ctrl+Z in the field undid the typing');
  assert.equal(await redo.isDisabled(), true, 'Ctrl+Z in the field left the design alone');

  await page.keyboard.type(' v2');
  await name.press('Tab');
  await node('payments.payment-reconciliation').getByText('Payment reconciliation v2').waitFor();
  await page.getByTestId('undo').click();
  await node('payments.payment-reconciliation').getByText('Payment reconciliation', { exact: true }).waitFor();
  await redo.waitFor({ state: 'visible' });
  assert.equal(await redo.isDisabled(), false, 'the toolbar Undo undid the rename');
});
