// The playground's "trained weights" download: a run's weights as JSON, with their layout stated and the config
// that gives them their meaning (which activation, where the skips sit), so the file stands on its own.
import {CLASS_COUNT, INPUT_SIZE} from "../engine/model.js";
import type {TrainConfig, TrainedWeights} from "../engine/types.js";

/**
 * Weights and biases of a config's Dense layers (maxout's hidden layers have two pieces a unit); normalization adds
 * two or so per unit, which does not matter for the limit below.
 */
export function denseParameterCount(config: TrainConfig): number {
  const pieces = config.activation.kind === "maxout" ? 2 : 1;
  const hidden = config.width * pieces;
  const first = INPUT_SIZE * hidden + hidden;
  const rest = (config.depth - 1) * (config.width * hidden + hidden);
  return first + rest + config.width * CLASS_COUNT + CLASS_COUNT;
}

/**
 * Runs with more parameters do not keep their weights for download: a finished run's weights travel from its
 * worker and stay in the page, and 4 million parameters already make a JSON file of about 40 MB.
 */
export const MAX_EXPORTED_PARAMETERS = 4_000_000;

/** Identifies the file's format; a reader checks it before trusting the layout. */
export const WEIGHTS_FORMAT = "vanishing-gradients-live/weights@1";

/**
 * {format, layout, config, layers} (config left out when not given): one line per tensor keeps a large file
 * readable in an editor.
 */
export function weightsJson(weights: TrainedWeights, config?: TrainConfig): string {
  const layers = weights.layers.map((layer) => {
    const tensors = layer.tensors.map((t) => `      ${JSON.stringify(t)}`).join(",\n");
    return `    {"name": ${JSON.stringify(layer.name)}, "tensors": [\n${tensors}\n    ]}`;
  });
  return (
    `{\n  "format": ${JSON.stringify(WEIGHTS_FORMAT)},\n  "layout": ${JSON.stringify(weights.layout)},\n` +
    (config ? `  "config": ${JSON.stringify(config)},\n` : "") +
    `  "layers": [\n${layers.join(",\n")}\n  ]\n}\n`
  );
}
