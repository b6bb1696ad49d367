// Mean-field predictions (mean-field.ts) as a line on the measured gradient profile. The theory predicts each
// hidden layer's ‖∂L/∂W‖ relative to the last hidden layer's, not its absolute size (that depends on the loss
// at the output), so the line is anchored on the measured last hidden layer: where the two part below it is
// what the theory gets wrong (or what training has changed since initialisation).
import type {LayerPrediction} from "./mean-field.js";
import type {Snapshot} from "./types.js";

/**
 * Predicted ‖∂L/∂W‖ per layer of `snapshot` (input side first, as Snapshot.layers): measured_L ·
 * 10^(log10RelativeGradient_l) for the hidden layers, null for the output layer. All null when the
 * predictions do not match the snapshot's hidden layers or the anchor is not a positive number.
 */
export function predictedGradientNorms(
  predictions: readonly Pick<LayerPrediction, "log10RelativeGradient">[],
  snapshot: Pick<Snapshot, "layers">
): (number | null)[] {
  const hidden = snapshot.layers.flatMap((layer, i) => (layer.activation ? [i] : []));
  const anchor = snapshot.layers[hidden.at(-1) ?? -1]?.gradNorm;
  const usable =
    predictions.length === hidden.length &&
    typeof anchor === "number" &&
    anchor > 0 &&
    Number.isFinite(anchor);
  const out: (number | null)[] = snapshot.layers.map(() => null);
  if (!usable) return out;
  hidden.forEach((layer, l) => {
    const value = anchor * 10 ** predictions[l]!.log10RelativeGradient;
    out[layer] = Number.isFinite(value) ? value : null;
  });
  return out;
}
