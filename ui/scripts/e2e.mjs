// Runs the browser tests of the UI: starts the Vite dev server (mock backend) on a free port, runs the
// Playwright tests in e2e/ with node:test against it, and stops the server whatever happens.
// Chromium comes from the system (`/usr/bin/chromium`, Debian's `chromium` package): set CHROMIUM to override.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ui = join(dirname(fileURLToPath(import.meta.url)), '..');
const chromium = process.env.CHROMIUM ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  console.error(`error: no Chromium at ${chromium}; install Debian's chromium package (scripts/setup does) or set CHROMIUM`);
  process.exit(2);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitFor(url, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the Vite server did not answer at ${url} within ${timeoutMs / 1000} s`);
}

const port = await freePort();
const url = `http://127.0.0.1:${port}/`;
const vite = spawn(join(ui, 'node_modules', '.bin', 'vite'), ['--port', String(port), '--strictPort', '--host', '127.0.0.1'], {
  cwd: ui,
  stdio: ['ignore', 'ignore', 'inherit'],
  detached: true,
});
const stopServer = () => {
  try {
    process.kill(-vite.pid, 'SIGTERM');
  } catch {
    // Already gone.
  }
};
process.on('SIGINT', () => {
  stopServer();
  process.exit(130);
});

let code = 1;
try {
  await waitFor(url, 30_000);
  const files = ['e2e/studio.e2e.mjs', 'e2e/rollout.e2e.mjs'];
  code = await new Promise((resolve) => {
    const tests = spawn(process.execPath, ['--test', '--test-concurrency=1', ...files], {
      cwd: ui,
      stdio: 'inherit',
      env: { ...process.env, E2E_URL: url, CHROMIUM: chromium },
    });
    tests.on('exit', (status) => resolve(status ?? 1));
  });
} catch (error) {
  console.error(`error: ${error.message}`);
} finally {
  stopServer();
}
process.exit(code);
