// A tiny browser test API: test files register tests with `test(name, async (page, t) => …)`; run.ts runs them
// one at a time, each in a fresh page of one chromium, against the built site served on 127.0.0.1.
//
// Every page is watched from its creation: console errors, uncaught page errors, HTTP responses ≥ 400 and any
// request to another origin (which is aborted) are recorded, and a test fails if any were recorded or if the
// page shows an Observable error cell (.observablehq--error) when the test ends.
import {mkdirSync, readdirSync} from "node:fs";
import {dirname, join, relative, sep} from "node:path";
import {fileURLToPath} from "node:url";
import type {Page} from "playwright-core";

export const PROJECT_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const DIST_DIR = join(PROJECT_DIR, "dist");
export const SCREENSHOT_DIR = join(PROJECT_DIR, "test", ".tmp", "screenshots");

/** Per-test time limits. Pages that train a network at load time need the long one. */
export const DEFAULT_TIMEOUT_MS = 60_000;
export const TRAINING_TIMEOUT_MS = 120_000;

export interface TestContext {
  /** Origin of the static server, e.g. http://127.0.0.1:41234. */
  origin: string;
  /** Absolute URL of a site path: t.url("/problem"). */
  url(path: string): string;
  /** Problems recorded on this page so far (the test fails at the end if there are any). */
  problems: string[];
}

export type TestFunction = (page: Page, t: TestContext) => Promise<void>;

export interface TestOptions {
  /** Milliseconds; DEFAULT_TIMEOUT_MS if omitted. */
  timeout?: number;
}

export interface RegisteredTest {
  name: string;
  fn: TestFunction;
  timeout: number;
  file: string;
}

export const registry: RegisteredTest[] = [];
let currentFile = "";

/** Used by run.ts while it imports a test file, so that results can name the file. */
export function setCurrentFile(file: string): void {
  currentFile = file;
}

export function test(name: string, fn: TestFunction, options: TestOptions = {}): void {
  if (registry.some((t) => t.name === name)) throw new Error(`duplicate browser test name: ${name}`);
  registry.push({name, fn, timeout: options.timeout ?? DEFAULT_TIMEOUT_MS, file: currentFile});
}

interface PageState {
  origin: string;
  problems: string[];
}
const pageStates = new WeakMap<Page, PageState>();

function short(url: string, origin: string): string {
  return url.startsWith(origin) ? url.slice(origin.length) || "/" : url;
}

/** Starts recording problems on a new page (run.ts calls this before the test body) and returns its context. */
export async function watchPage(page: Page, origin: string): Promise<TestContext> {
  const problems: string[] = [];
  pageStates.set(page, {origin, problems});
  const host = new URL(origin).host;
  await page.route("**/*", async (route) => {
    const request = route.request();
    const url = new URL(request.url());
    if (url.host === host) return route.continue();
    problems.push(`request to another origin (aborted): ${request.method()} ${request.url()}`);
    return route.abort("blockedbyclient");
  });
  page.on("websocket", (ws) => {
    if (new URL(ws.url()).host !== host) problems.push(`websocket to another origin: ${ws.url()}`);
  });
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    const {url, lineNumber} = message.location();
    const where = url ? ` (${short(url, origin)}:${lineNumber + 1})` : "";
    problems.push(`console error: ${message.text()}${where}`);
  });
  page.on("pageerror", (error) => {
    problems.push(`uncaught error: ${error.stack || `${error.name}: ${error.message}`}`);
  });
  page.on("response", (response) => {
    if (response.status() >= 400) {
      problems.push(
        `HTTP ${response.status()}: ${response.request().method()} ${short(response.url(), origin)}`
      );
    }
  });
  page.on("requestfailed", (request) => {
    const error = request.failure()?.errorText ?? "";
    // Off-origin requests are recorded by the route handler; ERR_ABORTED is a cancelled load (navigation, 404).
    if (new URL(request.url()).host !== host || error === "net::ERR_ABORTED") return;
    problems.push(`request failed (${error}): ${short(request.url(), origin)}`);
  });
  return {origin, url: (path) => new URL(path, origin).href, problems};
}

/** Throws if the page has Observable error cells or recorded problems. */
export async function expectClean(page: Page): Promise<void> {
  const state = pageStates.get(page);
  if (!state) throw new Error("expectClean: this page is not watched (create pages through the runner)");
  const problems = [...state.problems];
  if (!page.isClosed()) {
    for (const text of await page.locator(".observablehq--error").allInnerTexts()) {
      problems.push(`error cell: ${text.trim().replace(/\s+/g, " ")}`);
    }
  }
  if (problems.length) {
    const where = page.isClosed() ? "" : ` on ${short(page.url(), state.origin)}`;
    throw new Error(`${problems.length} problem(s)${where}:\n${summarize(problems)}`);
  }
}

/** One item per distinct first line (one failed import shows up in every cell that depends on it), at most 12. */
function summarize(problems: string[], max = 12): string {
  const groups = new Map<string, {text: string; count: number}>();
  for (const text of problems) {
    const key = text.split("\n", 1)[0]!.replace(/^(console error|error cell): (\w*Error: )?/, "");
    const group = groups.get(key);
    if (group) group.count++;
    else groups.set(key, {text, count: 1});
  }
  const lines = [...groups.values()].map(({text, count}) => `- ${text}${count > 1 ? ` (×${count})` : ""}`);
  if (lines.length > max) lines.splice(max, Infinity, `- … and ${lines.length - max} more distinct problems`);
  return lines.join("\n");
}

export interface CheckPageOptions {
  /** A CSS selector, or a function evaluated in the page, that must become visible / truthy. */
  waitFor?: string | (() => unknown);
  /** Milliseconds for waitFor (default 30 s). */
  timeout?: number;
}

/**
 * Opens a site path and waits until it has settled (loaded, network idle, no inline loading placeholders, and
 * `waitFor` if given), then throws if anything went wrong. Emulate the color scheme before calling it.
 */
export async function checkPage(page: Page, path: string, options: CheckPageOptions = {}): Promise<void> {
  const state = pageStates.get(page);
  if (!state) throw new Error("checkPage: this page is not watched (create pages through the runner)");
  const timeout = options.timeout ?? 30_000;
  const response = await page.goto(new URL(path, state.origin).href, {waitUntil: "load", timeout});
  if (!response?.ok()) throw new Error(`GET ${path}: HTTP ${response?.status()}`);
  await page.waitForLoadState("networkidle", {timeout});
  await page.waitForFunction(() => !document.querySelector("observablehq-loading"), null, {timeout});
  const {waitFor} = options;
  if (typeof waitFor === "string") await page.locator(waitFor).first().waitFor({state: "visible", timeout});
  else if (waitFor) await page.waitForFunction(waitFor, null, {timeout});
  await page.waitForTimeout(250); // let late errors surface
  await expectClean(page);
}

/** Saves a full-page screenshot to test/.tmp/screenshots/<name>.png and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, {recursive: true});
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({path, fullPage: true});
  return path;
}

/** Site paths of the built pages ("/", "/problem", …): dist's .html files outside Framework's _folders. */
export function sitePages(dir = DIST_DIR): string[] {
  const pages: string[] = [];
  for (const entry of readdirSync(dir, {recursive: true, withFileTypes: true})) {
    if (!entry.isFile() || !entry.name.endsWith(".html")) continue;
    const file = relative(dir, join(entry.parentPath, entry.name)).split(sep).join("/");
    if (file.split("/").some((part) => part.startsWith("_"))) continue;
    pages.push("/" + file.replace(/(^|\/)index\.html$/, "$1").replace(/\.html$/, ""));
  }
  return pages.sort();
}

/** A file-name-safe name for a site path: "/" → "index", "/remedies/relu" → "remedies-relu". */
export function pageName(path: string): string {
  return path.replace(/^\/|\/$/g, "").replace(/\//g, "-") || "index";
}
