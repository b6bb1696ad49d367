// The update rules behind optimizers.ts, with PyTorch's exact maths (weight_decay 0 except AdamW, dampening 0,
// not centered, lr_decay 0, initial accumulator 0, amsgrad off). Notation: p a param, g = ∂L/∂p, η the learning
// rate, t the param's step count (1 on its first step); every operation is elementwise. Each rule keeps its op
// count low (it runs on every param at every training step) and never reads a value back to JS.
import * as tf from "@tensorflow/tfjs-core";
import type {Param} from "./layer.js";

export interface ParamUpdate {
  param: Param;
  grad: tf.Tensor;
}

export interface Optimizer {
  /**
   * One update of each listed trainable param (a param with trainable = false is skipped). A param's state
   * (moments, t) lives while it is listed in every call; a call without it drops its state, so it restarts
   * from t = 1 when it trains again (it was frozen or removed). Nothing is read back to JS.
   */
  apply(updates: readonly ParamUpdate[]): void;
  /** Frees every state tensor. */
  dispose(): void;
}

/**
 * One step of a rule, run inside tf.tidy: p's new value and the new state tensors ("slots"; none before the
 * param's first step, where every moment starts at 0). A slot is a fresh tensor or g itself.
 */
export type Rule = (
  p: tf.Tensor,
  g: tf.Tensor,
  slots: readonly tf.Tensor[],
  t: number
) => {p: tf.Tensor; slots: tf.Tensor[]};

/** β·prev + x, or x where prev is 0 (the first step). */
const ema = (prev: tf.Tensor | undefined, beta: number, x: tf.Tensor) =>
  prev ? tf.add(tf.mul(prev, beta), x) : x;

/** p − η·num / (√den + ε): the shared last step of RMSprop, Adagrad and Adam. */
const rootStep = (p: tf.Tensor, num: tf.Tensor, den: tf.Tensor, lr: number, epsilon: number) =>
  tf.sub(p, tf.mul(tf.div(num, tf.add(tf.sqrt(den), epsilon)), lr));

/** p − η·g: two ops, no state. */
export const sgd =
  (lr: number): Rule =>
  (p, g) => ({p: tf.sub(p, tf.mul(g, lr)), slots: []});

/** b ← μ·b + g (b₁ = g); heavy ball: p ← p − η·b; Nesterov: p ← p − η·(g + μ·b). */
export const heavyBall =
  (lr: number, mu: number, nesterov: boolean): Rule =>
  (p, g, [b0]) => {
    const b = ema(b0, mu, g);
    return {p: tf.sub(p, tf.mul(nesterov ? tf.add(g, tf.mul(b, mu)) : b, lr)), slots: [b]};
  };

/** v ← α·v + (1 − α)·g²; p ← p − η·g / (√v + ε). */
export const rmsprop =
  (lr: number, alpha: number, epsilon: number): Rule =>
  (p, g, [v0]) => {
    const v = ema(v0, alpha, tf.mul(tf.square(g), 1 - alpha));
    return {p: rootStep(p, g, v, lr, epsilon), slots: [v]};
  };

/** s ← s + g²; p ← p − η·g / (√s + ε). */
export const adagrad =
  (lr: number, epsilon: number): Rule =>
  (p, g, [s0]) => {
    const g2 = tf.square(g);
    const s = s0 ? tf.add(s0, g2) : g2;
    return {p: rootStep(p, g, s, lr, epsilon), slots: [s]};
  };

/**
 * AdamW: p ← p·(1 − η·λ) (skipped for Adam, λ = 0), then m ← β₁·m + (1 − β₁)·g, v ← β₂·v + (1 − β₂)·g² and
 * p ← p − η·m̂ / (√v̂ + ε), m̂ = m/c₁, v̂ = v/c₂, cᵢ = 1 − βᵢᵗ. Computed, with one op fewer, as
 * p ← p − (η·√c₂/c₁)·m / (√v + ε·√c₂): the same value (multiply m̂/(√v̂ + ε) through by √c₂), with c₁, c₂ JS scalars.
 */
export const adam =
  (lr: number, beta1: number, beta2: number, epsilon: number, weightDecay: number): Rule =>
  (p, g, [m0, v0], t) => {
    const m = ema(m0, beta1, tf.mul(g, 1 - beta1));
    const v = ema(v0, beta2, tf.mul(tf.square(g), 1 - beta2));
    const c1 = 1 - beta1 ** t;
    const rootC2 = Math.sqrt(1 - beta2 ** t);
    const decayed = weightDecay > 0 ? tf.mul(p, 1 - lr * weightDecay) : p;
    return {p: rootStep(decayed, m, v, (lr * rootC2) / c1, epsilon * rootC2), slots: [m, v]};
  };

/** Runs a rule per param, keeping each param's slots and step count across calls (and callers' tidy scopes). */
export function withState(rule: Rule): Optimizer {
  const states = new Map<Param, {t: number; slots: tf.Tensor[]}>();
  const drop = (param: Param) => {
    for (const slot of states.get(param)?.slots ?? []) slot.dispose();
    states.delete(param);
  };
  return {
    apply(updates) {
      const live = new Set(updates.filter((u) => u.param.trainable).map((u) => u.param));
      for (const param of [...states.keys()]) if (!live.has(param)) drop(param);
      for (const {param, grad} of updates) {
        if (!param.trainable) continue;
        const old = states.get(param) ?? {t: 0, slots: []};
        const t = old.t + 1;
        const slots = tf.tidy(() => {
          const next = rule(param.value, grad, old.slots, t);
          param.value.assign(next.p);
          // The caller owns g and may free it: a slot that is g itself (b₁ = g) becomes a clone (no copy).
          return next.slots.map((slot) => tf.keep(slot === grad ? tf.clone(slot) : slot));
        });
        for (const slot of old.slots) slot.dispose();
        states.set(param, {t, slots});
      }
    },
    dispose() {
      for (const param of [...states.keys()]) drop(param);
    }
  };
}
