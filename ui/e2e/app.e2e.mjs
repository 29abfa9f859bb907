// End-to-end test of the real desktop app (connect, add, rename, copy/paste/delete, contract edit, undo, reopen): the Tauri binary with the real Rust backend, driven through
// tauri-driver and WebKitWebDriver under Xvfb. Run by `scripts/e2e-app`, which builds the app, starts the display
// and the driver, and passes MESHWRIGHT_BINARY, E2E_MESH (a fresh import of examples/retail) and E2E_SCREENSHOTS.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { Builder, By, Capabilities, Key, Origin, until } from 'selenium-webdriver';

const binary = process.env.MESHWRIGHT_BINARY;
const mesh = process.env.E2E_MESH;
const screenshots = process.env.E2E_SCREENSHOTS;
const server = process.env.E2E_WEBDRIVER ?? 'http://127.0.0.1:4444';
if (!binary || !mesh) throw new Error('run the app test with scripts/e2e-app (MESHWRIGHT_BINARY and E2E_MESH are not set)');

const WAIT = 20_000;
let driver = null;

async function launch() {
  const capabilities = new Capabilities();
  capabilities.set('browserName', 'wry');
  capabilities.set('tauri:options', { application: binary, args: ['open', mesh] });
  driver = await new Builder().usingServer(server).withCapabilities(capabilities).build();
  await driver.manage().setTimeouts({ script: WAIT });
}

async function quit() {
  if (driver) await driver.quit().catch(() => undefined);
  driver = null;
}

after(quit);

const css = (selector) => By.css(selector);
const testId = (id) => css(`[data-testid="${id}"]`);
const located = (locator, message) => {
  if (message) console.log(`… ${message}`);
  return driver.wait(until.elementLocated(locator), WAIT, message);
};
const js = (script, ...args) => driver.executeScript(script, ...args);

/** Polls `check` (an async predicate) until it holds. */
async function eventually(check, message) {
  console.log(`… ${message}`);
  await driver.wait(async () => Boolean(await check()), WAIT, message);
}

async function viewportStill() {
  await located(css('[data-testid="canvas"]:not([data-viewport-pending]):not([data-viewport-moving])'), 'the canvas stops moving');
}

/** A point (viewport coordinates) where the pointer lands on the element itself, well inside the canvas; or null. */
async function hitPoint(selector, margin = 60) {
  return js(
    `const [selector, margin] = arguments;
     const element = document.querySelector(selector);
     const pane = document.querySelector('.react-flow')?.getBoundingClientRect();
     if (!element || !pane) return null;
     const box = element.getBoundingClientRect();
     const left = Math.max(box.left, pane.left + margin), right = Math.min(box.right, pane.right - margin);
     const top = Math.max(box.top, pane.top + margin), bottom = Math.min(box.bottom, pane.bottom - margin);
     if (left >= right || top >= bottom) return null;
     const centre = { x: (left + right) / 2, y: (top + bottom) / 2 };
     const points = [];
     for (let i = 0; i <= 12; i += 1) for (let j = 0; j <= 12; j += 1)
       points.push({ x: left + ((right - left) * i) / 12, y: top + ((bottom - top) * j) / 12 });
     points.sort((a, b) => Math.hypot(a.x - centre.x, a.y - centre.y) - Math.hypot(b.x - centre.x, b.y - centre.y));
     for (const point of points) {
       const hit = document.elementFromPoint(point.x, point.y);
       if (hit && (hit === element || element.contains(hit))) return { x: Math.round(point.x), y: Math.round(point.y) };
     }
     return null;`,
    selector,
    margin,
  );
}

async function press(...keys) {
  await driver.actions({ async: true }).sendKeys(...keys).perform();
}

async function chord(modifier, key) {
  await driver.actions({ async: true }).keyDown(modifier).sendKeys(key).keyUp(modifier).perform();
}

/** Jumps to an entity through the Ctrl+K palette. */
async function jumpTo(text) {
  await viewportStill();
  await chord(Key.CONTROL, 'k');
  const input = await located(testId('palette-input'), 'the palette opens');
  await input.sendKeys(text);
  await located(testId('palette-item'), `the palette finds ${text}`);
  await input.sendKeys(Key.ENTER);
  await eventually(async () => (await driver.findElements(testId('palette'))).length === 0, 'the palette closes');
  await viewportStill();
}

/** Sets a select (React listens to `change`). */
async function choose(selector, value) {
  const done = await js(
    `const select = document.querySelector(arguments[0]);
     if (!select) return false;
     select.value = arguments[1];
     select.dispatchEvent(new Event('change', { bubbles: true }));
     return select.value === arguments[1];`,
    selector,
    value,
  );
  assert.ok(done, `${selector} takes the value ${value}`);
}

/** The current value of a field, found afresh (React may have replaced the element). */
async function valueOf(id) {
  try {
    return await (await driver.findElement(testId(id))).getAttribute('value');
  } catch {
    return null;
  }
}

const findingsText = () => js(`return [...document.querySelectorAll('[data-testid="finding-item"]')].map((item) => item.textContent).join('\\n');`);

async function screenshot(name) {
  if (!screenshots) return;
  mkdirSync(screenshots, { recursive: true });
  writeFileSync(`${screenshots}/${name}.png`, await driver.takeScreenshot(), 'base64');
}

test('the real studio: edit the retail example, copy and paste, see findings come and go, undo, close, reopen', async () => {
  try {
    await scenario();
  } catch (error) {
    if (driver) await screenshot('failure').catch(() => undefined);
    throw error;
  }
});

async function scenario() {
  await launch();
  await located(testId('node-orders.order-management'), 'the retail design opens on the canvas');
  await eventually(async () => (await driver.getTitle()) === 'retail.mesh — Meshwright', 'the title names the file');
  await viewportStill();
  await screenshot('studio-retail-light');

  // Connect a dependency: drag from the order-lines output port of Order management onto Executive sales KPIs.
  await jumpTo('Order management');
  const handle = '[data-testid="handle-out-orders.order-management-order-lines"]';
  const target = '[data-testid="node-orders.sales-kpis"]';
  assert.equal((await driver.findElements(testId('rf__edge-dep:orders.sales-kpis:order-lines'))).length, 0);
  let from = null;
  let to = null;
  for (let step = 0; step < 5 && !(from && to); step += 1) {
    from = await hitPoint(handle);
    to = await hitPoint(target);
    if (!(from && to)) {
      await press('-');
      await viewportStill();
    }
  }
  assert.ok(from && to, 'the output port and the target product are both on screen');
  await driver
    .actions({ async: true })
    .move({ x: from.x, y: from.y, origin: Origin.VIEWPORT })
    .press()
    .move({ x: Math.round((from.x + to.x) / 2), y: Math.round((from.y + to.y) / 2), origin: Origin.VIEWPORT, duration: 200 })
    .move({ x: to.x, y: to.y, origin: Origin.VIEWPORT, duration: 200 })
    .release()
    .perform();
  await located(testId('rf__edge-dep:orders.sales-kpis:order-lines'), 'the new dependency is drawn');

  // Create a product: it has no owner team, so an ownership finding appears on it.
  await (await located(testId('add-product'))).click();
  await eventually(async () => (await valueOf('inspector-name')) === 'New product', 'the new product opens in the inspector');
  const productId = await js(`return document.querySelector('.react-flow__node.selected [data-node-kind="product"]')?.getAttribute('data-testid')?.slice(5) ?? null;`);
  assert.ok(productId, 'the new product is selected on the canvas');
  const ownerFinding = async () => (await findingsText()).split('\n').some((line) => line.includes(productId) && /owner team/i.test(line));
  await eventually(ownerFinding, `an ownership finding appears on ${productId}`);
  const nameField = await located(testId('inspector-name'));
  await nameField.clear();
  await nameField.sendKeys('Returns forecast', Key.TAB);
  await eventually(
    async () => (await js(`return document.querySelector(arguments[0])?.textContent ?? '';`, `[data-testid="node-${productId}"]`)).includes('Returns forecast'),
    'the rename reaches the canvas',
  );
  await choose('[data-testid="inspector-ownerTeam"]', 'orders-team');
  await eventually(async () => !(await ownerFinding()), 'the ownership finding goes away once the product has an owner');

  // Copy and paste the product on the canvas (one edit), then delete the copy (one edit).
  const productPoint = await hitPoint(`[data-testid="node-${productId}"]`, 4);
  assert.ok(productPoint, 'the new product can be clicked');
  await driver.actions({ async: true }).move({ x: productPoint.x, y: productPoint.y, origin: Origin.VIEWPORT }).click().perform();
  await chord(Key.CONTROL, 'c');
  await chord(Key.CONTROL, 'v');
  await located(testId(`node-${productId}-copy`), 'the pasted copy appears on the canvas');
  await eventually(
    async () => (await js(`return document.querySelector('.react-flow__node.selected [data-node-kind="product"]')?.getAttribute('data-testid') ?? '';`)) === `node-${productId}-copy`,
    'the copy is selected',
  );
  await press(Key.DELETE);
  await eventually(async () => (await driver.findElements(testId(`node-${productId}-copy`))).length === 0, 'deleting removes the copy');

  // Edit a contract property: unclassify the email field of customer profiles, a privacy finding appears; undo it.
  await jumpTo('customers.customer-profiles');
  await located(testId('contract-editor'), 'the contract form opens');
  const emailRow = `[data-testid="contract-properties-0"] tbody tr:has(input[value="email"])`;
  await located(css(`${emailRow} select`), 'the email property is listed');
  const classification = await js(`return [...document.querySelectorAll(arguments[0])].find((select) => [...select.options].some((option) => option.value === 'pii'))?.value ?? null;`, `${emailRow} select`);
  assert.equal(classification, 'pii');
  await js(
    `const select = [...document.querySelectorAll(arguments[0])].find((item) => [...item.options].some((option) => option.value === 'pii'));
     select.value = ''; select.dispatchEvent(new Event('change', { bubbles: true }));`,
    `${emailRow} select`,
  );
  const privacyFinding = async () => (await findingsText()).split('\n').some((line) => line.includes('customers.customer-profiles') && line.includes('email'));
  await eventually(privacyFinding, 'a privacy finding appears on the unclassified email field');
  await screenshot('studio-retail-finding');

  // Undo (the toolbar button; Ctrl+Z does the same outside text fields): the classification is back, the finding goes.
  await (await located(testId('undo'))).click();
  await eventually(async () => !(await privacyFinding()), 'undo restores the classification and the finding goes away');

  // Dark mode for the screenshot.
  await (await located(testId('toggle-theme'))).click();
  await jumpTo('Order management');
  await screenshot('studio-retail-dark');
  await (await located(testId('toggle-theme'))).click();

  // Close and reopen the same file: the dependency and the new product are there, and the undo history too.
  await quit();
  await launch();
  await located(testId('node-orders.order-management'), 'the design reopens');
  await jumpTo('Returns forecast');
  await located(testId(`node-${productId}`), 'the new product survived the restart');
  await located(testId('rf__edge-dep:orders.sales-kpis:order-lines'), 'the new dependency survived the restart');
  await eventually(async () => (await (await located(testId('undo'))).isEnabled()) === true, 'undo is available after the restart');
  await quit();
}
