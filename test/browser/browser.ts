// Debian chromium driven by playwright-core, in a fresh profile that is deleted afterwards.
import {mkdtemp, rm} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {chromium, type BrowserContext} from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** The flags every test and the benchmark use; `extraArgs` adds more (e.g. --enable-unsafe-webgpu). */
export async function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  const profile = await mkdtemp(join(tmpdir(), "vg-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: {width: 1280, height: 800},
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      ...extraArgs
    ]
  });
  return {
    context,
    async close() {
      await context.close().catch(() => {});
      await rm(profile, {recursive: true, force: true});
    }
  };
}
