// The instant explorer's settings: depth, init scale and activation, each a control with the same bounds for the
// slider and the URL, and the config they give (the study's network otherwise: width 128, N(0, scale²) weights,
// no training). Plain data and pure functions, tested; the worker side is explorer-worker.ts, the page side
// explorer-client.ts.
import {ACTIVATIONS} from "../engine/activations.js";
import {BASELINE_CONFIG} from "../engine/config.js";
import {withDefaults} from "../engine/options.js";
import {evenlySpaced} from "../engine/evenly-spaced.js";
import type {ActivationConfig, ActivationName, Snapshot, TrainConfig} from "../engine/types.js";
import {SCALE_RANGE} from "./initialization.js";
import {kindControl} from "./strategy-controls.js";
import type {ControlSpec, RemedyValues} from "./remedy-spec.js";

/** Depths the slider offers: from one hidden layer to far deeper than the study's seven. */
export const EXPLORER_DEPTH = {min: 1, max: 50} as const;

export const EXPLORER_CONTROLS: Record<string, ControlSpec> = {
  depth: {
    label: "Hidden layers",
    help: "Depth of the fresh network (128 units a layer); the study's has 7.",
    param: {kind: "integer", ...EXPLORER_DEPTH},
    value: 7,
    input: "range",
    step: 1
  },
  scale: {
    label: "Init scale (std)",
    help: "Every weight drawn from N(0, std²), biases 0; 0.05 is the study's small init, 1 about right for sigmoid.",
    param: {kind: "number", ...SCALE_RANGE},
    value: 0.05,
    input: "log"
  },
  activation: kindControl(ACTIVATIONS, {
    label: "Activation",
    help: "The nonlinearity after every hidden layer, at its default options.",
    value: "sigmoid"
  })
};

/** The network the explorer looks at: the study's, with the reader's depth, init scale and activation. */
export function explorerConfig(values: RemedyValues): TrainConfig {
  // An unknown activation throws (withDefaults names the allowed ones); probeAtInit uses its whole batch, so the
  // config's batch size does not matter.
  const activation = withDefaults<ActivationName, ActivationConfig>(
    ACTIVATIONS,
    values.activation as ActivationName
  );
  return {
    ...BASELINE_CONFIG,
    depth: Number(values.depth),
    init: {kind: "normal", std: Number(values.scale)},
    activation
  };
}

/** "12 hidden layers, ReLU, N(0, 0.05²)": the settings as the status line names them. */
export function explorerLabel(values: RemedyValues): string {
  const depth = Number(values.depth);
  const activation = ACTIVATIONS[values.activation as ActivationName]?.label ?? String(values.activation);
  return `${depth} hidden layer${depth === 1 ? "" : "s"}, ${activation}, N(0, ${values.scale}²)`;
}

/** Histogram panels drawn at most: a deep network's are sampled evenly, the first and last hidden layers kept. */
export const HISTOGRAM_PANELS = 12;

/**
 * `snapshot` with at most `panels` hidden layers (evenly spaced, first and last included) and no output layer:
 * fifty panels of a 50-layer network would take the page longer to draw than the worker takes to compute them.
 * They are the layers probeAtInit measures histograms for when given `histogramLayers: panels`.
 */
export function sampledHiddenLayers(snapshot: Snapshot, panels = HISTOGRAM_PANELS): Snapshot {
  const hidden = snapshot.layers.filter((layer) => layer.activation);
  const picks = evenlySpaced(hidden.length, panels);
  return {...snapshot, layers: hidden.filter((_, i) => picks.has(i))};
}
