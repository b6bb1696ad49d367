// The playground editor's pure parts: its groups hold every setting once, a strategy's options show only for
// the kind chosen (the residual block length only with residual blocks), and a new kind starts at its defaults.
import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {EDITOR_GROUPS, visibleKeys, withKindDefaults} from "../../src/lib/playground-editor.js";
import {CONFIG_CONTROLS} from "../../src/lib/playground-controls.js";
import {DEFAULT_SETTINGS} from "../../src/lib/playground-settings.js";

describe("playground editor", () => {
  it("groups every setting exactly once", () => {
    const keys = EDITOR_GROUPS.flatMap((g) => g.keys);
    assert.deepEqual([...keys].sort(), Object.keys(CONFIG_CONTROLS).sort());
  });

  it("shows the options of the chosen kinds only", () => {
    const shown = visibleKeys(DEFAULT_SETTINGS);
    assert.ok(shown.has("opt-learningRate") && shown.has("depth") && shown.has("act"));
    for (const key of ["opt-momentum", "act-slope", "init-std", "norm-eps", "gnorm-eps", "skip-k"])
      assert.ok(!shown.has(key), key);
    const adam = visibleKeys({
      ...DEFAULT_SETTINGS,
      opt: "adamw",
      act: "leaky-relu",
      skip: "residual",
      norm: "batchnorm"
    });
    for (const key of ["opt-beta1", "opt-weightDecay", "act-slope", "skip-k", "norm-momentum", "norm-eps"])
      assert.ok(adam.has(key), key);
    assert.ok(!adam.has("opt-momentum"));
  });

  it("puts a new kind's options at its defaults and keeps the options of an unchanged kind", () => {
    const next = withKindDefaults(
      {...DEFAULT_SETTINGS, "opt-learningRate": 0.5, "init-std": 3},
      {...DEFAULT_SETTINGS, opt: "adam", "opt-learningRate": 0.5, init: "pytorch-default", "init-std": 3}
    );
    assert.equal(next["opt-learningRate"], 0.001);
    assert.equal(next["opt-beta2"], 0.999);
    assert.equal(next["init-std"], 3);
    // Back to SGD: the study's 0.01, not the registry's default.
    assert.equal(withKindDefaults(next, {...next, opt: "sgd"})["opt-learningRate"], 0.01);
  });
});
