// The playground's "trained weights" download: a run's weights as JSON, with their layout stated and the config
// that gives them their meaning (which activation, where the skips sit), so the file stands on its own.
import type {TrainConfig, TrainedWeights} from "../engine/types.js";

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
