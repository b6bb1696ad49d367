// Runs before `observable build` / `observable preview` (see package.json) so that Framework 1.13 works offline
// and bundles two packages correctly. Idempotent and fast: a warm run only checks that a few paths exist.
//
// 1. Framework's client lazily references ~15 "recommended libraries" (`npm:d3`, `npm:react-dom`, …). On a
//    cold build it asks https://registry.npmjs.org for each one's latest version, unless a folder
//    `<root>/.observablehq/cache/_npm/<name>@<version>/` already exists. Empty folders pin them. The site never
//    loads these (it imports everything from node_modules), so the version is only a label.
// 2. Framework's node_modules bundler (rollup) gets two packages wrong for the browser; a correct esbuild ESM
//    bundle written where Framework looks (`<root>/.observablehq/cache/_node/<name>@<version>/index.js`) is used
//    as is:
//    - seedrandom: CommonJS whose bundle only has a default export; tfjs-core does `import * as seedrandom`,
//      so every tf.random* op throws "alea is not a function" in the browser.
//    - arquero: keeps `import "node:fs/promises"` (its package.json "browser" remap is not applied).
//
// `node scripts/prepare-framework.mjs --check-offline` does a cold build in which any network request made by
// Framework fails loudly (fetch is replaced; `unshare -n` is added when available), to re-check after upgrades.

import {spawnSync} from "node:child_process";
import {existsSync, mkdirSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {createRequire} from "node:module";
import {dirname, join, relative} from "node:path";
import {fileURLToPath} from "node:url";
import * as esbuild from "esbuild";

const projectDir = join(dirname(fileURLToPath(import.meta.url)), "..");
const root = join(projectDir, "src"); // the Framework root in observablehq.config.ts
const cacheDir = join(root, ".observablehq", "cache");
const require = createRequire(join(projectDir, "package.json"));
const MARKER = "// Bundled by scripts/prepare-framework.mjs (esbuild).";

/** Measured on Framework 1.13.4 with a cold build offline; the versions are used only if not installed. */
const FRAMEWORK_VERSION = "1.13.4";
const RECOMMENDED = {
  "@observablehq/plot": "0.6.17",
  "@observablehq/sample-datasets": "1.0.1",
  "apache-arrow": "17.0.0",
  arquero: "8.0.3",
  d3: "7.9.0",
  "d3-dsv": "3.0.1",
  echarts: "5.6.0",
  htl: "0.3.1",
  leaflet: "1.9.4",
  lodash: "4.17.21",
  "mapbox-gl": "3.9.0",
  "parquet-wasm": "0.6.1",
  react: "19.0.0",
  "react-dom": "19.0.0",
  "topojson-client": "3.1.0"
};

/** Packages to bundle ourselves; `from` is the package whose import Framework resolves (it picks the version). */
const BUNDLES = [
  {name: "seedrandom", from: "@tensorflow/tfjs-core", commonjs: true},
  {name: "arquero", from: null, commonjs: false}
];

function log(message) {
  console.log(`prepare-framework: ${message}`);
}

function fail(message) {
  console.error(`prepare-framework: ERROR: ${message}`);
  process.exit(1);
}

/** The package.json of `name` as Node resolves it from `fromDir`, or null if it is not installed. */
function findPackage(name, fromDir) {
  for (let dir = fromDir; ; dir = dirname(dir)) {
    const file = join(dir, "node_modules", name, "package.json");
    if (existsSync(file))
      return {dir: dirname(file), version: JSON.parse(readFileSync(file, "utf-8")).version};
    if (dirname(dir) === dir) return null;
  }
}

function pinRecommendedLibraries() {
  let created = 0;
  for (const [name, fallback] of Object.entries(RECOMMENDED)) {
    const version = findPackage(name, projectDir)?.version ?? fallback;
    const dir = join(cacheDir, "_npm", `${name}@${version}`);
    if (existsSync(dir)) continue;
    mkdirSync(dir, {recursive: true});
    created++;
  }
  return created;
}

async function writeBundles() {
  const written = [];
  for (const {name, from, commonjs} of BUNDLES) {
    const fromDir = from ? findPackage(from, projectDir)?.dir : projectDir;
    const pkg = fromDir && findPackage(name, fromDir);
    if (!pkg) {
      log(`skipped ${name} (not installed)`);
      continue;
    }
    const output = join(cacheDir, "_node", `${name}@${pkg.version}`, "index.js");
    if (existsSync(output) && readFileSync(output, "utf-8").startsWith(MARKER)) continue;
    const entry = createRequire(join(pkg.dir, "package.json")).resolve(name);
    // CommonJS: re-export the module object's properties by name, as `import * as x` expects.
    const contents = commonjs
      ? `import m from ${JSON.stringify(entry)};\nexport default m;\nexport const {${Object.keys(
          require(entry)
        ).join(", ")}} = m;\n`
      : `export * from ${JSON.stringify(entry)};\n`;
    const result = await esbuild.build({
      stdin: {contents, resolveDir: pkg.dir, loader: "js"},
      bundle: true,
      format: "esm",
      platform: "browser",
      target: "es2022",
      minify: true,
      write: false,
      logLevel: "silent",
      define: {"process.env.NODE_ENV": '"production"'}
    });
    const code = result.outputFiles[0].text;
    const nodeImport = /\bfrom\s*["']node:|\bimport\s*\(?\s*["']node:/.exec(code);
    if (nodeImport) fail(`the ${name} bundle still imports a Node built-in: ${nodeImport[0]}`);
    mkdirSync(dirname(output), {recursive: true});
    writeFileSync(output, `${MARKER}\n${code}`);
    written.push(`${name}@${pkg.version}`);
  }
  return written;
}

/** Cold build where Framework's network access fails loudly instead of reaching the registry or a CDN. */
function checkOffline() {
  const guard = `globalThis.fetch = async (url) => {
    console.error("\\nOFFLINE CHECK FAILED: the build tried to fetch " + url + "\\n");
    process.exitCode = 1;
    throw new Error("network access during an offline build: " + url);
  };`;
  const env = {
    ...process.env,
    OBSERVABLE_TELEMETRY_DISABLE: "1",
    PATH: `${join(projectDir, "node_modules", ".bin")}:${process.env.PATH}`, // data loaders run tsx from PATH
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --import=data:text/javascript,${encodeURIComponent(guard)}`
  };
  const observable = join(projectDir, "node_modules", ".bin", "observable");
  const isolated = spawnSync("unshare", ["-n", "true"]).status === 0;
  const [command, args] = isolated ? ["unshare", ["-n", observable, "build"]] : [observable, ["build"]];
  log(
    `cold build with fetch blocked${isolated ? " in a network namespace without interfaces (unshare -n)" : ""}`
  );
  const start = Date.now();
  const {status} = spawnSync(command, args, {cwd: projectDir, env, stdio: "inherit"});
  if (status !== 0) fail(`offline cold build failed (exit ${status}); see the output above`);
  log(`offline cold build passed in ${((Date.now() - start) / 1000).toFixed(1)} s`);
}

const checking = process.argv.includes("--check-offline");
if (checking) {
  rmSync(cacheDir, {recursive: true, force: true});
  rmSync(join(projectDir, "dist"), {recursive: true, force: true});
}
const start = Date.now();
const frameworkVersion = findPackage("@observablehq/framework", projectDir)?.version;
if (!frameworkVersion) fail("@observablehq/framework is not installed: run npm ci");
if (frameworkVersion !== FRAMEWORK_VERSION) {
  log(`warning: Framework is ${frameworkVersion}, the pins were measured on ${FRAMEWORK_VERSION};`);
  log("re-check with `node scripts/prepare-framework.mjs --check-offline`");
}
const created = pinRecommendedLibraries();
const written = await writeBundles();
log(
  `${Object.keys(RECOMMENDED).length} recommended libraries pinned (${created} new), ` +
    `${written.length ? `bundled ${written.join(", ")}` : "bundles up to date"} ` +
    `in ${relative(projectDir, cacheDir)} (${Date.now() - start} ms)`
);
if (checking) checkOffline();
