import {blockUnits} from "./blocks.js";
import type {Dense} from "./dense.js";
import {buildHead, buildHiddenUnits, disposeUnits, wireNetwork, type HiddenUnit} from "./model.js";
import type {Network} from "./network.js";
import {seededRandom} from "./random.js";
import type {StageConfig, TrainConfig} from "./types.js";

/**
 * The model a run trains, stage by stage. A run without layer-wise training has one stage, the whole network.
 * With layer-wise training every block's layers exist from the start (initialised in order from the input
 * side); a stage wires the blocks it has to a head, marks the params of its frozen blocks untrainable (so no
 * gradient is computed for them), and creates a new head when asked to.
 */
export interface TrainingModel {
  /** One entry per stage; null for the single stage of a run without layer-wise training. */
  readonly stages: readonly (StageConfig | null)[];
  /** Sets up stage `index` (0-based, in order) and returns the network it trains. */
  enterStage(index: number): Network;
  dispose(): void;
}

/** Epochs of each stage: the config's epochs, or each stage's own. */
export function stageEpochs(config: Pick<TrainConfig, "epochs" | "layerwise">): number[] {
  return config.layerwise ? config.layerwise.stages.map((stage) => stage.epochs) : [config.epochs];
}

export {blockUnits} from "./blocks.js";

export function buildTrainingModel(config: TrainConfig): TrainingModel {
  const random = seededRandom(config.seeds.init);
  const units = buildHiddenUnits(config, random);
  const layerwise = config.layerwise;
  if (!layerwise) {
    const head = buildHead(config.width, config.init, random);
    const network = wireNetwork(units, head, config.skips);
    return {
      stages: [null],
      enterStage: () => network,
      dispose() {
        disposeUnits(units);
        head.dispose();
      }
    };
  }
  const blocks = blockUnits(layerwise.blockSizes);
  let head: Dense | null = null;
  const setTrainable = (unit: HiddenUnit, trainable: boolean) => {
    for (const layer of [unit.dense, unit.norm, unit.gradientNorm]) {
      for (const param of layer?.params ?? []) param.trainable = trainable;
    }
  };
  return {
    stages: layerwise.stages,
    enterStage(index) {
      const stage = layerwise.stages[index]!;
      if (!head || stage.newHead) {
        head?.dispose();
        head = buildHead(config.width, layerwise.headInit, random);
      }
      const present = blocks.slice(0, stage.blocks);
      present.forEach((members, block) => {
        for (const i of members) setTrainable(units[i - 1]!, !stage.frozen.includes(block));
      });
      const stageUnits = present.flat().map((i) => units[i - 1]!);
      return wireNetwork(stageUnits, head, []);
    },
    dispose() {
      disposeUnits(units);
      head?.dispose();
    }
  };
}
