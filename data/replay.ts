// A remedy page's replay of one reference run of data/runs/: the record checked as the study-runs loader
// checks it (study-runs.ts), then every snapshot kept in columns, its per-layer probes to four significant
// digits and its histograms dropped, so a page draws the whole 100 epochs from a few tens of kilobytes. Layers are
// matched by name: a layer-wise run's snapshots hold only the layers of their stage (its stage index is kept per
// snapshot, the stage table is in its config).
import {readFileSync} from "node:fs";
import {join} from "node:path";
import type {LayerProbe, Snapshot} from "../src/engine/types.js";
import {REPLAY_ACTIVATION, REPLAY_PROBES, type ReferenceReplay} from "../src/lib/study-types.js";
import {STUDY_PROTOCOL, offProtocol} from "./study-aggregate.js";
import {parseRunFile, round4, type RunFile} from "./study-runs.js";

/** The file of `preset`'s reference run (the study's seed, full protocol). */
export function referenceFile(preset: string): string {
  return `${preset}_s${STUDY_PROTOCOL.referenceSeed}_e${STUDY_PROTOCOL.epochsPerStage}.json`;
}

/** The replay of a checked record; throws naming the file if it is not at the study's protocol. */
export function replayOf({file, record}: RunFile): ReferenceReplay {
  const reason = offProtocol({file, record}, STUDY_PROTOCOL);
  if (reason) throw new Error(`data/runs/${file}: ${reason}`);
  const {experiment, snapshots} = record;
  const first = snapshots[0]!;
  // The snapshot with the most layers names them all (a layer-wise run's last stage has every block).
  const widest = snapshots.reduce((a, b) => (b.layers.length > a.layers.length ? b : a));
  const layers = widest.layers.map((l) => ({name: l.name, hidden: l.activation !== null}));
  const byName = snapshots.map((s) => new Map(s.layers.map((l) => [l.name, l])));
  const column = <T>(pick: (s: Snapshot) => T) => snapshots.map(pick);
  // null where the snapshot lacks the layer (not in its stage).
  const perLayer = (pick: (l: LayerProbe) => number | null | undefined, only = layers) =>
    only.map(({name}) =>
      byName.map((probes) => {
        const probe = probes.get(name);
        return probe ? round4(pick(probe)) : null;
      })
    );
  const hidden = layers.filter((l) => l.hidden);
  return {
    preset: experiment.preset,
    title: experiment.title ?? experiment.preset,
    seed: experiment.seed,
    study: experiment.study ?? null,
    status: experiment.status as ReferenceReplay["status"],
    testAccuracy: round4(record.test?.accuracy),
    config: record.config,
    frame: {stepsPerEpoch: first.stepsPerEpoch, totalSteps: first.totalSteps, layers},
    snapshots: {
      kind: column((s) => s.kind),
      step: column((s) => s.step),
      trainLoss: column((s) => round4(s.train.loss)!),
      trainAccuracy: column((s) => round4(s.train.accuracy)!),
      validationLoss: column((s) => round4(s.validation?.loss)),
      validationAccuracy: column((s) => round4(s.validation?.accuracy)),
      testLoss: column((s) => round4(s.test?.loss)),
      testAccuracy: column((s) => round4(s.test?.accuracy)),
      ...(record.config.layerwise && {stage: column((s) => s.stage?.index ?? 0)})
    },
    probes: Object.fromEntries(
      // A frozen layer has no gradient: null, which also tells the page the layer was frozen.
      REPLAY_PROBES.map((p) => [p, perLayer((l) => (p === "gradNorm" && !l.trainable ? null : l[p]))])
    ) as ReferenceReplay["probes"],
    activation: Object.fromEntries(
      REPLAY_ACTIVATION.map((a) => [a, perLayer((l) => l.activation?.[a], hidden)])
    ) as ReferenceReplay["activation"]
  };
}

/** The replay of `preset`'s reference run in `dir`; a missing file is an error that says how to make it. */
export function readReplay(dir: string, preset: string): ReferenceReplay {
  const file = referenceFile(preset);
  let text: string;
  try {
    text = readFileSync(join(dir, file), "utf8");
  } catch {
    throw new Error(`data/runs/${file} is missing: run \`npm run experiment -- ${preset}\` to make it`);
  }
  return replayOf(parseRunFile(file, text));
}
