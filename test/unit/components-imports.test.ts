// Components reach the engine's files only for types: Framework serves them from src/components (a symlink), where
// "../src/engine/…" does not resolve, so a run-time import would pass these unit tests and break the built site.
import assert from "node:assert/strict";
import {readdirSync, readFileSync} from "node:fs";
import {test} from "node:test";

const folder = new URL("../../components/", import.meta.url);

test("components import nothing from src/ at run time, only types", () => {
  const files = readdirSync(folder).filter((f) => f.endsWith(".ts"));
  assert.ok(files.length > 10);
  for (const file of files) {
    const source = readFileSync(new URL(file, folder), "utf8");
    const imports = source.match(/^(?:import|export)[^;]*?from\s+"\.\.\/src\/[^"]+";/gms) ?? [];
    for (const statement of imports) {
      assert.match(statement, /^(?:import|export) type /, `${file}: ${statement.split("\n")[0]}`);
    }
  }
});
