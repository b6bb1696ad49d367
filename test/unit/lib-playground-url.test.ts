// The playground's settings ↔ configs ↔ URL: every preset and random valid configs survive the round trip
// exactly, defaults give a short URL, and every kind of invalid value falls back with a notice naming it.
import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {BASELINE_CONFIG, LIMITS, validateConfig} from "../../src/engine/config.js";
import {kindsOf} from "../../src/engine/options.js";
import {PRESETS} from "../../src/engine/presets.js";
import type {TrainConfig} from "../../src/engine/types.js";
import {FAMILIES, optionKey} from "../../src/lib/playground-families.js";
import {
  configFromSettings,
  fourBlocks,
  settingsFromConfig,
  type Settings
} from "../../src/lib/playground-settings.js";
import {configsFromSearch, searchForConfigs, settingOfField} from "../../src/lib/playground-url.js";

const roundTrip = (configs: TrainConfig[], search = "") =>
  configsFromSearch(searchForConfigs(configs, search));

/** A seeded generator (mulberry32), so a failing random config can be reproduced. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomSettings(next: () => number): Settings {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]!;
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const s: Settings = {
    depth: int(1, 12),
    width: int(LIMITS.width.min, 64),
    skip: pick(["none", "study", "residual"]),
    "skip-k": int(1, 4),
    lw: pick(["none", "none", "new-head", "keep-head"]),
    batch: int(2, 300),
    epochs: int(1, 9),
    train: int(1000, 60000),
    val: pick([0, 0.1, 0.25, 0.5]),
    seed: int(0, LIMITS.seed.max),
    dseed: int(0, 99),
    every: pick([0, 0, int(1, 50)])
  };
  for (const family of FAMILIES) {
    const kind = pick(kindsOf(family.registry));
    s[family.key] = kind;
    for (const [name, option] of Object.entries(family.registry[kind]!.options)) {
      // Anywhere in the option's range, log-uniform on a log scale; kept strictly inside an open lower bound.
      const low =
        option.scale === "log" ? Math.log(option.minOpen ? option.max * 1e-9 : option.min) : option.min;
      const high = option.scale === "log" ? Math.log(option.max) : option.max;
      const x = low + next() * (high - low);
      const value = option.scale === "log" ? Math.exp(x) : x;
      s[optionKey(family, name)] = option.integer
        ? Math.round(value)
        : Math.max(value, option.minOpen ? 1e-300 : -Infinity);
    }
  }
  return s;
}

describe("playground settings", () => {
  it("express every preset exactly", () => {
    for (const preset of PRESETS)
      assert.deepEqual(configFromSettings(settingsFromConfig(preset.config)), preset.config, preset.name);
  });

  it("default to the study's baseline on the live budget", () => {
    const config = configFromSettings({});
    assert.deepEqual({...config, trainSize: 60000, epochs: 100, snapshotEvery: 10}, BASELINE_CONFIG);
    assert.equal(config.trainSize, 10000);
  });

  it("split layer-wise training into the study's four blocks and refuse what they cannot express", () => {
    assert.deepEqual(fourBlocks(7), [2, 2, 2, 1]);
    assert.deepEqual(fourBlocks(10), [3, 3, 2, 2]);
    assert.throws(
      () => settingsFromConfig({...BASELINE_CONFIG, skips: [{from: 2, to: 5}]}),
      /cannot express this config's skips/
    );
  });
});

describe("playground URL", () => {
  it("gives back every preset, alone and four side by side", () => {
    for (const preset of PRESETS) {
      const back = roundTrip([preset.config]);
      assert.deepEqual(back.configs, [preset.config], preset.name);
      assert.deepEqual(back.problems, []);
    }
    const four = PRESETS.slice(3, 7).map((p) => p.config);
    assert.deepEqual(roundTrip(four).configs, four);
  });

  it("gives back 300 random valid configs", () => {
    const next = random(7);
    let checked = 0;
    while (checked < 300) {
      const configs = [1, 2].map(() => configFromSettings(randomSettings(next)));
      try {
        for (const config of configs) validateConfig(config);
      } catch {
        continue;
      }
      const back = roundTrip(configs, "?backend=wasm");
      assert.deepEqual(back.problems, [], searchForConfigs(configs));
      assert.deepEqual(back.configs, configs, searchForConfigs(configs));
      checked++;
    }
  });

  it("writes only what differs from the defaults, keeps other parameters and drops autostart", () => {
    const adam = PRESETS.find((p) => p.name === "adam")!.config;
    const relu = configFromSettings({act: "relu", init: "normal", "init-std": 0.05});
    assert.equal(
      searchForConfigs([configFromSettings({})], "?backend=wasm&autostart=0&c3.depth=2"),
      "?backend=wasm"
    );
    assert.equal(
      searchForConfigs([
        relu,
        {...relu, optimizer: {kind: "adam", learningRate: 0.001, beta1: 0.8, beta2: 0.999, eps: 1e-8}}
      ]),
      // N(0, 0.05²) is the normal scheme's default std, so it is left out.
      "?configs=2&c1.act=relu&c1.init=normal&c2.act=relu&c2.init=normal&c2.opt=adam&c2.opt-beta1=0.8"
    );
    assert.match(searchForConfigs([adam]), /c1\.opt=adam&/);
    assert.doesNotMatch(searchForConfigs([adam]), /learningRate/);
  });

  it("falls back to the defaults with a notice naming each invalid parameter", () => {
    const {configs, problems, autostart} = configsFromSearch(
      "?c1.depth=99&c1.act=swish&c1.opt=adam&c1.opt-learningRate=0&c1.opt-momentum=0.9&c1.width=64&c1.bogus=1&c2.depth=3&autostart=0"
    );
    assert.equal(autostart, false);
    assert.deepEqual(problems, [
      "Ignored ?c1.bogus: no such setting.",
      "Ignored ?c2.depth: there is 1 configuration (set ?configs=).",
      "Ignored ?c1.depth=99: it must be a whole number from 1 to 64.",
      "Ignored ?c1.act=swish: it must be one of sigmoid, tanh, relu, leaky-relu, elu, gelu, selu, softplus, maxout.",
      "Ignored ?c1.opt-learningRate=0: it must be a number above 0 to 10.",
      "Ignored ?c1.opt-momentum=0.9: adam has no option momentum."
    ]);
    assert.deepEqual(configs, [configFromSettings({width: 64, opt: "adam"})]);
    assert.equal(configs[0]!.optimizer.learningRate, 0.001);
  });

  it("names settings every object has and configurations written another way, instead of dropping them silently", () => {
    const {configs, problems} = configsFromSearch("?c1.constructor=1&c1.__proto__=1&c01.depth=3&c1x=2");
    assert.deepEqual(problems, [
      "Ignored ?c1.constructor: no such setting.",
      "Ignored ?c1.__proto__: no such setting.",
      "Ignored ?c01.depth: a setting is written c<configuration>.<name>, as c1.depth.",
      "Ignored ?c1x: a setting is written c<configuration>.<name>, as c1.depth."
    ]);
    assert.deepEqual(configs, [configFromSettings({})]);
  });

  it("drops a setting the engine refuses in combination, naming it", () => {
    const {configs, problems} = configsFromSearch(
      "?configs=2&c1.depth=5&c1.skip=study&c2.depth=3&c2.lw=new-head&configs=2"
    );
    assert.deepEqual(
      configs.map((c) => [c.depth, c.skips, c.layerwise]),
      [
        [5, [], null],
        [3, [], null]
      ]
    );
    assert.match(
      problems[0]!,
      /^Ignored \?c1\.skip=study: skips\[1\]\.to: must be a whole number from 5 to 5, got 7\.$/
    );
    assert.match(problems[1]!, /^Ignored \?c2\.lw=new-head: layerwise\.blockSizes\[3\]/);
    assert.deepEqual(configsFromSearch("?configs=9").problems, [
      "Ignored ?configs=9: it must be a whole number from 1 to 4."
    ]);
  });

  it("maps the engine's fields to settings", () => {
    assert.equal(settingOfField("optimizer.learningRate"), "opt-learningRate");
    assert.equal(settingOfField("normalization.kind"), "norm");
    assert.equal(settingOfField("skips[0].to"), "skip");
    assert.equal(settingOfField("seeds.data"), "dseed");
    assert.equal(settingOfField("batchSize"), "batch");
  });
});
