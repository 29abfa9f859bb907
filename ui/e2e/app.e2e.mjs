// End-to-end tests of the real desktop app: the Tauri binary with the real Rust backend, driven through
// tauri-driver and WebKitWebDriver under Xvfb. The first edits the retail example (connect, add, rename,
// copy/paste/delete, contract edit, undo, reopen); the second starts on the welcome screen and goes through the
// native GTK dialogs and menu with xdotool (recent files, Import folder…, rubber-band selection, PNG export); the
// third goes through rollout planning, metrics, the Data Product Canvas, snapshots, workshop mode and publishing.
// Run by `scripts/e2e-app`, which builds the app, starts the display and the driver, and passes MESHWRIGHT_BINARY,
// E2E_MESH (a fresh import of examples/retail) and E2E_SCREENSHOTS.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Builder, By, Capabilities, Key, Origin, until } from 'selenium-webdriver';

const binary = process.env.MESHWRIGHT_BINARY;
const mesh = process.env.E2E_MESH;
const screenshots = process.env.E2E_SCREENSHOTS;
const server = process.env.E2E_WEBDRIVER ?? 'http://127.0.0.1:4444';
if (!binary || !mesh) throw new Error('run the app test with scripts/e2e-app (MESHWRIGHT_BINARY and E2E_MESH are not set)');

const WAIT = 20_000;
let driver = null;

async function launch(args = ['open', mesh]) {
  const capabilities = new Capabilities();
  capabilities.set('browserName', 'wry');
  capabilities.set('tauri:options', { application: binary, args });
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
  // A native dialog left open blocks the web view; do not wait for it forever.
  const image = await Promise.race([driver.takeScreenshot(), new Promise((_, fail) => setTimeout(() => fail(new Error('screenshot timed out')), 10_000))]);
  writeFileSync(`${screenshots}/${name}.png`, image, 'base64');
}

test('the real studio: edit the retail example, copy and paste, see findings come and go, undo, close, reopen', async () => {
  try {
    await scenario();
  } catch (error) {
    if (driver) await screenshot('failure').catch(() => undefined);
    await quit();
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

/** Runs xdotool on the test's display (the native menu and GTK dialogs are outside the web view). */
function xdotool(...args) {
  return execFileSync('xdotool', args, { encoding: 'utf8', timeout: WAIT }).trim();
}

/** Waits for a top-level window with this exact title; its id. */
async function nativeWindow(title) {
  console.log(`… the native window "${title}" opens`);
  const found = xdotool('search', '--sync', '--onlyvisible', '--name', `^${title}$`).split('\n')[0];
  assert.ok(found, `no window "${title}"`);
  return found;
}

const windowGone = (title) => {
  try {
    return xdotool('search', '--onlyvisible', '--name', `^${title}$`) === '';
  } catch {
    return true; // xdotool exits 1 when nothing matches
  }
};

/** Answers a GTK file dialog by typing a path (Ctrl+L opens the location field in open and folder dialogs). */
async function answerFileDialog(title, path, { location }) {
  const window = await nativeWindow(title);
  await new Promise((done) => setTimeout(done, 500));
  xdotool('windowfocus', '--sync', window);
  if (location) xdotool('key', 'ctrl+l');
  xdotool('key', 'ctrl+a');
  xdotool('type', '--delay', '5', path);
  // The first Return may only complete the path in the location field (or enter the folder); the next accepts.
  // Each key goes to this dialog only while it is still open, never to the one that follows it.
  for (let attempt = 0; attempt < 4 && !windowGone(title); attempt += 1) {
    xdotool('windowfocus', '--sync', window);
    xdotool('key', 'Return');
    await new Promise((done) => setTimeout(done, 1500));
  }
  assert.ok(windowGone(title), `the "${title}" dialog accepted ${path}`);
}

test('desktop manners: recent files, Import folder… and Save picture through the native dialogs, the native menu, rubber-band selection', async () => {
  try {
    await manners();
  } catch (error) {
    // Close any native dialog still open (it would block the window), then keep a picture of the state.
    try {
      for (const id of xdotool('search', '--onlyvisible', '--name', '^(Choose a folder|Meshwright design|PNG picture)$').split('\n').filter(Boolean)) {
        xdotool('windowfocus', id);
        xdotool('key', 'Escape');
      }
    } catch {
      // no dialog open
    }
    try {
      execFileSync('import', ['-window', 'root', `${screenshots ?? '.'}/failure-manners-screen.png`], { timeout: 10_000 });
    } catch {
      // ImageMagick is optional
    }
    if (driver) await screenshot('failure-manners').catch(() => undefined);
    await quit();
    throw error;
  }
});

async function manners() {
  const work = dirname(mesh);
  const healthcare = resolve('examples/healthcare');
  await launch([]);

  // The welcome screen lists the design the first test worked on.
  await located(testId('welcome'), 'the welcome screen opens');
  await eventually(
    async () => (await js(`return [...document.querySelectorAll('[data-testid="welcome-recent"]')].map((item) => item.title);`)).includes(mesh),
    'the recent designs list the retail design',
  );

  // Import folder…: the backend opens the GTK folder dialog, then the save dialog for the new design.
  await (await located(testId('welcome-import'))).click();
  await answerFileDialog('Choose a folder', healthcare, { location: true });
  await answerFileDialog('Meshwright design', join(work, 'healthcare.mesh'), { location: false });
  await eventually(async () => (await driver.getTitle()) === 'healthcare.mesh — Meshwright', 'the imported design opens, named in the title');
  await located(css('[data-node-kind="product"]'), 'its products are on the canvas');
  assert.ok(existsSync(join(work, 'healthcare.mesh')), 'the design file is where the dialog said');
  await viewportStill();

  // The native menu: View → Toggle dark mode (the last item) reaches the window's action registry.
  const themeBefore = await js('return document.documentElement.dataset.theme ?? null;');
  const main = await nativeWindow('healthcare.mesh — Meshwright');
  xdotool('windowfocus', '--sync', main);
  xdotool('mousemove', '103', '12', 'click', '1');
  await new Promise((done) => setTimeout(done, 600));
  xdotool('key', 'Up', 'Return');
  await eventually(async () => (await js('return document.documentElement.dataset.theme ?? null;')) !== themeBefore, 'the menu item toggles the theme');

  // Rubber-band selection: Shift + drag over the canvas from an empty corner selects several nodes. Real X input
  // through xdotool, in screen coordinates (the window fills the screen).
  await (await located(testId('fit-view'))).click();
  await viewportStill();
  // The web view fills the screen below the native menu bar: screen y = client y + (screen height − view height).
  const pane = await js(`const box = document.querySelector('.react-flow').getBoundingClientRect();
    return { left: box.left, top: box.top, right: box.right, bottom: box.bottom, offset: screen.height - innerHeight };`);
  const at = (x, y) => [String(Math.round(x)), String(Math.round(y + pane.offset))];
  xdotool('windowfocus', '--sync', main);
  xdotool('mousemove', ...at(pane.left + 4, pane.top + 4), 'keydown', 'shift', 'mousedown', '1');
  for (const step of [0.25, 0.5, 0.75, 1]) {
    xdotool('mousemove', ...at(pane.left + 4 + (pane.right - pane.left - 12) * step, pane.top + 4 + (pane.bottom - pane.top - 12) * step));
  }
  xdotool('mouseup', '1', 'keyup', 'shift');
  await eventually(async () => (await js(`return document.querySelectorAll('.react-flow__node.selected').length;`)) >= 3, 'the rubber band selects several nodes');
  await located(testId('selection-count'), 'the toolbar counts the selection');
  await press(Key.ESCAPE);

  // Export → PNG: the picture is made in the window, the backend asks where to save it and writes it there.
  await (await located(testId('export'))).click();
  await (await located(testId('export-format-png'), 'the export dialog opens')).click();
  await (await located(testId('export-run'))).click();
  const picture = join(work, 'healthcare-canvas.png');
  await answerFileDialog('PNG picture', picture, { location: false });
  await located(testId('export-done'), 'the export reports the saved picture');
  const bytes = readFileSync(picture);
  assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'the file is a PNG');
  assert.ok(bytes.length > 20_000, `the PNG has content (${bytes.length} bytes)`);
  await quit();
}

test('rollout and publishing in the real app: plan, metrics, Data Product Canvas, snapshot compare and restore, workshop note, publish to git', async () => {
  try {
    await rollout();
  } catch (error) {
    if (driver) await screenshot('failure-rollout').catch(() => undefined);
    await quit();
    throw error;
  }
});

async function rollout() {
  const work = dirname(mesh);
  await launch();
  await located(testId('node-orders.order-management'), 'the retail design opens');
  await viewportStill();

  // The plan: the verdict of the stored assessments, and a lighthouse ranking with its explanations.
  await (await located(testId('view-plan'))).click();
  const verdict = await located(testId('plan-verdict-headline'), 'the plan shows its verdict');
  await eventually(async () => /mesh pays off/i.test(await verdict.getText()), 'the verdict is the retail one');
  await eventually(async () => (await driver.findElements(testId('ranking-row'))).length === 7, 'seven domains are ranked');
  await located(testId('plan-critical-path'), 'the critical path is shown');
  await screenshot('studio-retail-plan');

  // Metrics: the dashboard draws its charts from the backend's figures.
  await (await located(testId('view-metrics'))).click();
  await located(testId('chart-products-by-domain'), 'the metrics dashboard draws its charts');
  await eventually(async () => (await driver.findElements(testId('chart-products-by-domain-bar'))).length >= 7, 'a bar per domain');

  // A snapshot before editing the Data Product Canvas of net sales.
  await (await located(testId('view-canvas'))).click();
  await (await located(testId('snapshots'))).click();
  const snapshotName = await located(testId('snapshot-name'), 'the snapshots dialog opens');
  await snapshotName.sendKeys('before workshop');
  await (await located(testId('snapshot-create'))).click();
  await located(testId('snapshot-compare-before workshop'), 'the snapshot is listed');
  await press(Key.ESCAPE);

  await jumpTo('Net sales');
  await (await located(testId('view-product-canvas'))).click();
  const block = await located(testId('canvas-text-observability'), 'the Data Product Canvas shows its blocks');
  await block.clear();
  await block.sendKeys('Alert the orders team when the nightly load is late', Key.TAB);
  await eventually(async () => /canvas orders\.net-sales/.test((await (await driver.findElement(testId('undo'))).getAttribute('aria-label')) ?? ''), 'the block text is one undoable edit');
  await screenshot('studio-retail-product-canvas');

  // Compare the snapshot with now: the canvas text shows as a change; restore it (one undoable edit).
  await (await located(testId('view-canvas'))).click();
  await (await located(testId('snapshots'))).click();
  await (await located(testId('snapshot-compare-before workshop'))).click();
  await eventually(async () => (await js(`return document.querySelector('[data-testid="snapshot-diff"]')?.textContent ?? '';`)).includes('net-sales'), 'the comparison shows the canvas of net sales');
  await (await located(testId('snapshot-restore-before workshop'))).click();
  await eventually(async () => /Restore snapshot before workshop/.test((await (await driver.findElement(testId('undo'))).getAttribute('aria-label')) ?? ''), 'restore is one undoable edit');
  await press(Key.ESCAPE);

  // Workshop mode: larger type, a timer, a sticky note stored in the design.
  await (await located(testId('workshop'))).click();
  await located(testId('workshop-timer'), 'workshop mode shows its timer');
  await (await located(testId('workshop-add-note'))).click();
  await located(css('[data-node-kind="note"]'), 'a sticky note appears on the canvas');
  await screenshot('studio-retail-workshop');
  await (await located(testId('workshop-leave'))).click();
  await eventually(async () => (await driver.findElements(testId('workshop-bar'))).length === 0, 'workshop mode ends');

  // Publish to a fresh git repository chosen in the GTK folder dialog: one commit, then nothing to publish.
  // The folder chosen is an empty one inside the working tree (any folder inside it names the repository): GTK's
  // folder dialog, once inside a folder, would otherwise take its first entry (here `.git`) on Return.
  const repo = join(work, 'published');
  const chosen = join(repo, 'site');
  mkdirSync(chosen, { recursive: true });
  execFileSync('git', ['init', '-q', repo]);
  for (const attempt of [1, 2]) {
    await (await located(testId('publish'))).click();
    await (await located(testId('publish-pick-repo'), 'the publish dialog opens')).click();
    await answerFileDialog('Choose a folder', chosen, { location: true });
    const shown = () => js(`return document.querySelector('[data-testid="publish-repo"]')?.textContent ?? '';`);
    await eventually(async () => (await shown()) !== 'none chosen', 'a repository folder is chosen');
    assert.equal((await shown()).replace(/\/$/, ''), chosen, 'the repository is the folder typed into the dialog');
    await (await located(testId('publish-run'))).click();
    if (attempt === 1) await located(testId('publish-commit'), 'the first publish makes a commit');
    else await located(testId('publish-nothing'), 'publishing again changes nothing and makes no commit');
    await press(Key.ESCAPE);
  }
  const log = execFileSync('git', ['-C', repo, 'log', '--oneline'], { encoding: 'utf8' }).trim().split('\n');
  assert.equal(log.length, 1, `one commit in the repository: ${log.join(' | ')}`);
  assert.ok(existsSync(join(repo, 'mesh', 'mesh.yaml')), 'the mesh as code is under mesh/');
  await quit();
}
