// axe-core in a test page: its script is read from node_modules and injected as inline source, so the check
// works offline and never adds a request (the harness aborts any request that leaves loopback).
import {readFileSync} from "node:fs";
import {createRequire} from "node:module";
import type {Page} from "playwright-core";
import type {AxeResults, ImpactValue} from "axe-core";

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** Impacts that fail a page; "minor" and "moderate" findings are left to review, not to CI. */
export const FAILING_IMPACTS: readonly ImpactValue[] = ["serious", "critical"];

export interface AxeFinding {
  rule: string;
  impact: ImpactValue;
  help: string;
  /** The element's CSS selector (inside iframes or shadow roots, one selector per level). */
  target: string;
  summary: string;
}

/** Runs every axe rule that is on by default (WCAG 2 A/AA and best practices) on the page as it is now. */
export async function axeFindings(page: Page): Promise<AxeFinding[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({content: AXE_SOURCE});
  const results: AxeResults = await page.evaluate(() =>
    (window as unknown as {axe: typeof import("axe-core")}).axe.run(document, {resultTypes: ["violations"]})
  );
  return results.violations.flatMap((rule) =>
    rule.nodes.map((node) => ({
      rule: rule.id,
      impact: node.impact ?? rule.impact ?? "minor",
      help: rule.help,
      target: node.target.map((t) => (Array.isArray(t) ? t.join(" > ") : String(t))).join(" >> "),
      // "Fix any of the following:\n  <first reason>\n  <second reason>…": the first reason is enough to act on.
      summary: (node.failureSummary ?? "").split("\n")[1]?.trim() ?? ""
    }))
  );
}

/** The serious and critical findings, one line each: "rule (impact) at selector: what is wrong". */
export function failingFindings(findings: readonly AxeFinding[]): string[] {
  return findings
    .filter((f) => FAILING_IMPACTS.includes(f.impact))
    .map((f) => `${f.rule} (${f.impact}) at ${f.target}: ${f.help} (${f.summary})`);
}
