// The exported script's training: the optimizer as PyTorch's own (an exhaustive switch over the engine's kinds),
// and the loop of src/engine/loop.ts: stages, frozen blocks, new heads, block normalization, evaluation.
import type {OptimizerConfig} from "../../engine/types.js";

/** A Python expression building PyTorch's optimizer over `params` with the config's hyperparameters. */
export function optimizerPy(config: OptimizerConfig): string {
  const lr = `lr=${config.learningRate}`;
  switch (config.kind) {
    case "sgd":
      return `torch.optim.SGD(params, ${lr})`;
    case "momentum":
      return `torch.optim.SGD(params, ${lr}, momentum=${config.momentum})`;
    case "nesterov":
      // PyTorch refuses nesterov=True without momentum; with μ = 0 the engine's rule is plain SGD.
      return config.momentum === 0
        ? `torch.optim.SGD(params, ${lr})`
        : `torch.optim.SGD(params, ${lr}, momentum=${config.momentum}, nesterov=True)`;
    case "rmsprop":
      return `torch.optim.RMSprop(params, ${lr}, alpha=${config.alpha}, eps=${config.eps})`;
    case "adagrad":
      return `torch.optim.Adagrad(params, ${lr}, eps=${config.eps})`;
    case "adam":
      return `torch.optim.Adam(params, ${lr}, betas=(${config.beta1}, ${config.beta2}), eps=${config.eps})`;
    case "adamw":
      return (
        `torch.optim.AdamW(params, ${lr}, betas=(${config.beta1}, ${config.beta2}), eps=${config.eps}, ` +
        `weight_decay=${config.weightDecay})`
      );
    default: {
      const unknown: never = config;
      throw new Error(`no PyTorch port of optimizer ${String((unknown as {kind: unknown}).kind)}`);
    }
  }
}

export const TRAINING_PY = String.raw`
# ---- Training: src/engine/loop.ts and stages.ts -------------------------------------------------------------
EVAL_CHUNK = 1000  # src/engine/evaluate.ts: evaluation batches (matters for Standardize, which uses their statistics)


def initial_layers():
    """Every hidden layer's (W, b), then the first head's, drawn in order from one stream seeded by seeds.init."""
    random = mulberry32(CONFIG["seeds"]["init"])
    layers, fan_in = [], 784
    for _ in range(CONFIG["depth"]):
        layers.append(init_hidden(fan_in, CONFIG["width"] * PIECES, random, GAIN))
        fan_in = CONFIG["width"]
    layers.append(init_head(CONFIG["width"], 10, random, 1))  # no nonlinearity after the head: gain 1
    return random, layers


def print_init(k):
    """--print-init K: the first K values of each initial W and b (no torch needed)."""
    _, layers = initial_layers()
    print(json.dumps([{"W": w[:k], "b": b[:k]} for w, b in layers]))


def block_normalize(net, eps):
    """Each layer's gradient block (all its params' gradients) divided by (its joint norm + eps)."""
    for module in net.modules():
        grads = [p.grad for p in module.parameters(recurse=False) if p.requires_grad and p.grad is not None]
        if grads:
            total = torch.sqrt(sum((g * g).sum() for g in grads))
            for g in grads:
                g.mul_(1 / (total + eps))


def carry_state(new, old):
    """The engine keeps a param's optimizer state while it trains in consecutive stages, and drops it otherwise."""
    if old is not None:
        for group in new.param_groups:
            for p in group["params"]:
                if p in old.state:
                    new.state[p] = old.state[p]
    return new


def evaluate(net, x, y, indices):
    net.eval()
    loss, correct = 0.0, 0
    with torch.no_grad():
        for start in range(0, len(indices), EVAL_CHUNK):
            part = torch.tensor(indices[start: start + EVAL_CHUNK])
            logits = net(x[part])
            loss += F.cross_entropy(logits, y[part], reduction="sum").item()
            correct += (logits.argmax(dim=1) == y[part]).sum().item()
    net.train()
    return loss / len(indices), correct / len(indices)


def train(data_dir, package_dir):
    define_model()
    (x, y), (x_test, y_test) = site_sets(data_dir, package_dir)
    x, y = x[: CONFIG["trainSize"]], y[: CONFIG["trainSize"]]
    random, layers = initial_layers()
    units = [Unit(784 if i == 0 else CONFIG["width"], CONFIG["width"], *layers[i]) for i in range(CONFIG["depth"])]
    head = linear(CONFIG["width"], 10, *layers[-1])
    fit, validation, orders = epoch_orders(CONFIG)
    batch, optimizer, step = CONFIG["batchSize"], None, 0
    test_indices = list(range(len(y_test)))
    for s, stage in enumerate(STAGES):
        if stage is None:
            net = Net(units, head, SKIPS)
        else:
            if s > 0 and stage["newHead"]:
                head = linear(CONFIG["width"], 10, *init_head(CONFIG["width"], 10, random, 1))
            present = []
            for block, members in enumerate(BLOCKS[: stage["blocks"]]):
                for i in members:
                    for p in units[i - 1].parameters():
                        p.requires_grad_(block not in stage["frozen"])
                    present.append(units[i - 1])
            net = Net(present, head, [])
        net.train()
        params = [p for p in net.parameters() if p.requires_grad]
        optimizer = carry_state(make_optimizer(params), optimizer)
        epochs = CONFIG["epochs"] if stage is None else stage["epochs"]
        label = "" if stage is None else " (stage %d of %d)" % (s + 1, len(STAGES))
        for epoch in range(epochs):
            order = next(orders)
            loss_sum, seen = 0.0, 0
            for start in range(0, len(order), batch):
                part = torch.tensor(order[start: start + batch])
                loss = F.cross_entropy(net(x[part]), y[part])
                optimizer.zero_grad(set_to_none=True)
                loss.backward()
                if BLOCK_EPS is not None:
                    block_normalize(net, BLOCK_EPS)
                optimizer.step()
                value = loss.item()
                if step == 0:
                    print("step 0: first batch loss %.6f (the site's step-0 train loss)" % value)
                step += 1
                if not math.isfinite(value):
                    sys.exit("diverged at step %d: the loss is not finite" % step)
                loss_sum += value * len(part)
                seen += len(part)
            line = "epoch %d%s: train loss %.4f" % (epoch + 1, label, loss_sum / seen)
            if validation:
                line += ", validation loss %.4f accuracy %.4f" % evaluate(net, x, y, validation)
            print(line, flush=True)
        print("test%s: loss %.4f accuracy %.4f" % ((label,) + evaluate(net, x_test, y_test, test_indices)))
`;
