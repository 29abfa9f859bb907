// The studio's scale measurement (not a test, a figure for the README): the real app on a generated design,
// driven through tauri-driver under Xvfb. Run with `E2E_PRODUCTS=2000 scripts/e2e-app ui/e2e/scale.measure.mjs`.
// It reports the first render (from the web view's navigation start to the first node on the canvas, which includes
// opening and checking the design in the backend) and frame times while panning, with domains collapsed (the
// default above 300 products) and after "Expand all domains".
import { after, test } from 'node:test';
import { Builder, By, Capabilities, Key, Origin, until } from 'selenium-webdriver';

const WAIT = 120_000;
let driver = null;
after(async () => {
  if (driver) await driver.quit().catch(() => undefined);
});

const js = (script, ...args) => driver.executeScript(script, ...args);

async function viewportStill() {
  await driver.wait(until.elementLocated(By.css('[data-testid="canvas"]:not([data-viewport-pending]):not([data-viewport-moving])')), WAIT);
}

/** Drags the empty canvas around while recording the time between animation frames. */
async function panFrames() {
  await viewportStill();
  await js(`window.__frames = []; let last = performance.now();
    const tick = (now) => { window.__frames.push(now - last); last = now; if (!window.__stop) requestAnimationFrame(tick); };
    window.__stop = false; requestAnimationFrame(tick);`);
  const pane = await js(`const box = document.querySelector('.react-flow__pane').getBoundingClientRect();
    return { x: Math.round(box.left + box.width / 2), y: Math.round(box.top + box.height / 2) };`);
  let actions = driver.actions({ async: true }).move({ x: pane.x, y: pane.y, origin: Origin.VIEWPORT }).press();
  for (let step = 1; step <= 40; step += 1) {
    const angle = (step / 40) * 2 * Math.PI;
    actions = actions.move({ x: Math.round(pane.x + 250 * Math.sin(angle)), y: Math.round(pane.y + 150 * Math.sin(2 * angle)), origin: Origin.VIEWPORT, duration: 75 });
  }
  await actions.release().perform();
  const frames = await js(`window.__stop = true; return window.__frames.slice(1);`);
  const sorted = [...frames].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return {
    frames: frames.length,
    medianMs: Math.round(at(0.5) * 10) / 10,
    p95Ms: Math.round(at(0.95) * 10) / 10,
    maxMs: Math.round((sorted.at(-1) ?? 0) * 10) / 10,
    over50Ms: frames.filter((frame) => frame > 50).length,
  };
}

test(`scale: ${process.env.E2E_PRODUCTS ?? '?'} products in the real studio`, async () => {
  const capabilities = new Capabilities();
  capabilities.set('browserName', 'wry');
  capabilities.set('tauri:options', { application: process.env.MESHWRIGHT_BINARY, args: ['open', process.env.E2E_MESH] });
  const launched = Date.now();
  driver = await new Builder().usingServer(process.env.E2E_WEBDRIVER ?? 'http://127.0.0.1:4444').withCapabilities(capabilities).build();
  await driver.wait(until.elementLocated(By.css('[data-node-kind]')), WAIT);
  const firstRender = await js('return performance.now();');
  const sinceLaunch = Date.now() - launched;
  const collapsedNodes = await js(`return document.querySelectorAll('.react-flow__node').length;`);
  const collapsed = await panFrames();

  const expandStart = Date.now();
  await driver.actions({ async: true }).keyDown(Key.CONTROL).sendKeys('k').keyUp(Key.CONTROL).perform();
  const input = await driver.wait(until.elementLocated(By.css('[data-testid="palette-input"]')), WAIT);
  await input.sendKeys('Expand all');
  await driver.wait(until.elementLocated(By.css('[data-testid="palette-item"]')), WAIT);
  await input.sendKeys(Key.ENTER);
  await driver.wait(async () => (await js(`return document.querySelectorAll('[data-node-kind="product"]').length;`)) > 0, WAIT);
  const expandMs = Date.now() - expandStart;
  const expandedNodes = await js(`return document.querySelectorAll('.react-flow__node').length;`);
  const expanded = await panFrames();

  const result = {
    products: Number(process.env.E2E_PRODUCTS),
    firstRenderMs: Math.round(firstRender),
    launchToFirstNodeMs: sinceLaunch,
    collapsed: { renderedNodes: collapsedNodes, ...collapsed },
    expandAllMs: expandMs,
    expanded: { renderedNodes: expandedNodes, ...expanded },
  };
  console.log(`SCALE ${JSON.stringify(result)}`);
});
