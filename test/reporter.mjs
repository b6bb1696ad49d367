// A node:test reporter: one line per test ("ok - name" / "not ok - name"), the error and where it was thrown under
// each failure, "# file" headers for context, and a last line "N passed, N failed[, N skipped]".
// Node sets the exit code (1 when a test or a test file fails); this only formats.
//   node --test --test-reporter=./test/reporter.mjs --test-reporter-destination=stdout …
import {relative} from "node:path";
import {fileURLToPath} from "node:url";

const cwd = process.cwd();

function rel(file) {
  if (!file) return "";
  const path = file.startsWith("file:") ? fileURLToPath(file) : file;
  return relative(cwd, path) || path;
}

function indent(text, prefix = "    ") {
  return text.replace(/\s+$/, "").replace(/^/gm, prefix);
}

/** The first stack frame in the test's own file, else the first outside Node and node_modules. */
function location(error, file) {
  const frames = String(error?.stack ?? "")
    .split("\n")
    .map((line) => /\(?((?:file:\/\/)?\/[^():]+):(\d+):(\d+)\)?\s*$/.exec(line.trim()))
    .filter(Boolean)
    .map(([, path, line, column]) => ({path, line, column}));
  const frame =
    frames.find((f) => file && rel(f.path) === rel(file)) ??
    frames.find((f) => !f.path.includes("/node_modules/") && !f.path.startsWith("node:"));
  return frame ? `${rel(frame.path)}:${frame.line}:${frame.column}` : null;
}

function describeError(error, file) {
  const cause = error?.cause ?? error;
  const message = cause instanceof Error ? cause.message || String(cause) : String(cause);
  const name =
    cause instanceof Error && cause.name !== "AssertionError" && cause.name !== "Error" ? cause.name : "";
  const at = location(cause, file);
  return `${indent(`${name ? `${name}: ` : ""}${message}`)}${at ? `\n    at ${at}` : ""}`;
}

export default async function* reporter(source) {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  let currentFile = null;
  const names = []; // names by nesting level, from test:start
  const output = new Map(); // file → its stdout/stderr, shown if the file had a failure
  const failedFiles = new Set();

  for await (const {type, data} of source) {
    if (type === "test:start") {
      names[data.nesting] = data.name;
      names.length = data.nesting + 1;
      continue;
    }
    if (type === "test:stdout" || type === "test:stderr") {
      output.set(data.file, (output.get(data.file) ?? "") + data.message);
      continue;
    }
    if (type !== "test:pass" && type !== "test:fail") continue;
    const {details = {}} = data;
    // Suites and parents that failed only because a subtest failed: the subtest's line says it all.
    if (details.type === "suite" || details.error?.failureType === "subtestsFailed") continue;

    if (data.file && data.file !== currentFile) {
      currentFile = data.file;
      yield `# ${rel(data.file)}\n`;
    }
    const isFileLevel = data.nesting === 0 && data.name === data.file;
    const name = isFileLevel
      ? `${rel(data.file)} (the file itself)`
      : [...names.slice(0, data.nesting), data.name].join(" > ");

    if (type === "test:pass") {
      if (data.skip || data.todo) {
        skipped++;
        yield `ok - ${name} # ${data.skip ? "SKIP" : "TODO"}${typeof (data.skip ?? data.todo) === "string" ? ` ${data.skip ?? data.todo}` : ""}\n`;
      } else {
        passed++;
        yield `ok - ${name}\n`;
      }
    } else if (data.todo) {
      skipped++;
      yield `not ok - ${name} # TODO\n`;
    } else {
      failed++;
      if (data.file) failedFiles.add(data.file);
      const why = isFileLevel
        ? "    the file failed to run: its output is below"
        : describeError(details.error, data.file);
      yield `not ok - ${name}\n${why}\n`;
    }
  }

  for (const file of failedFiles) {
    const text = output.get(file);
    if (text?.trim()) yield `# output of ${rel(file)}:\n${indent(text, "#   ")}\n`;
  }
  yield `${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}\n`;
}
