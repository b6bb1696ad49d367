// Browser tests on the built site: `npm run build && npm run test:browser [-- name-filter …]`.
// Serves dist/ on 127.0.0.1, runs every test registered by test/browser/*.test.ts in headless chromium, prints
// one line per test and "N passed, N failed", and exits 1 if any failed.
import {existsSync, readdirSync} from "node:fs";
import {join, relative} from "node:path";
import {pathToFileURL} from "node:url";
import {CHROMIUM, launchBrowser} from "./browser.js";
import {DIST_DIR, PROJECT_DIR, expectClean, registry, setCurrentFile, watchPage} from "./harness.js";
import {startServer} from "./server.js";

const TEST_DIR = join(PROJECT_DIR, "test", "browser");

function bail(message: string): never {
  console.error(`test:browser: ${message}`);
  process.exit(1);
}

/** "test/browser/x.test.ts:12:7" for the innermost frame of an error that lies in a test file. */
function testLocation(error: unknown): string | null {
  const stack = error instanceof Error ? (error.stack ?? "") : "";
  const match = /([^\s(]+\.test\.ts):(\d+):(\d+)/.exec(stack);
  return match
    ? `${relative(PROJECT_DIR, match[1]!.replace(/^file:\/\//, ""))}:${match[2]}:${match[3]}`
    : null;
}

// The colour codes of Playwright's call logs.
const ANSI_COLOURS = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, "g");

function indent(text: string): string {
  return text.replace(ANSI_COLOURS, "").replace(/\s+$/, "").replace(/^/gm, "    ");
}

async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms / 1000} s`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

if (!existsSync(join(DIST_DIR, "index.html"))) bail("dist/ has no built site: run npm run build first");
if (!existsSync(CHROMIUM))
  bail(`no chromium at ${CHROMIUM}: apt-get install chromium (or set CHROMIUM_PATH)`);

for (const file of readdirSync(TEST_DIR)
  .filter((f) => f.endsWith(".test.ts"))
  .sort()) {
  setCurrentFile(relative(PROJECT_DIR, join(TEST_DIR, file)));
  await import(pathToFileURL(join(TEST_DIR, file)).href);
}
const filters = process.argv.slice(2);
const selected = registry.filter((t) => !filters.length || filters.some((f) => t.name.includes(f)));
if (!selected.length) bail(filters.length ? `no test matches ${filters.join(", ")}` : "no tests found");

const server = await startServer(DIST_DIR);
const browser = await launchBrowser();
let passed = 0;
let failed = 0;
let file = "";
try {
  for (const {name, fn, timeout, file: testFile} of selected) {
    if (testFile !== file) console.log(`# ${(file = testFile)}`);
    const start = performance.now();
    const page = await browser.context.newPage();
    let error: unknown = null;
    try {
      const t = await watchPage(page, server.origin);
      const body = fn(page, t);
      body.catch(() => {}); // a timed-out body may reject later, after its page is closed
      await withTimeout(body, timeout);
      await expectClean(page);
    } catch (e) {
      error = e;
    } finally {
      await page.close().catch(() => {});
    }
    const seconds = ((performance.now() - start) / 1000).toFixed(1);
    if (error === null) {
      passed++;
      console.log(`ok - ${name} (${seconds} s)`);
    } else {
      failed++;
      console.log(`not ok - ${name} (${seconds} s)`);
      const at = testLocation(error);
      console.log(
        indent(`${error instanceof Error ? error.message : String(error)}${at ? `\nat ${at}` : ""}`)
      );
    }
  }
} finally {
  await browser.close();
  await server.close();
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
