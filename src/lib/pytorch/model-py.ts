// The exported script's model: each engine strategy as its PyTorch counterpart. Every mapping is an exhaustive
// switch over the engine's kinds, so a strategy added to the engine without a port here is a compile error.
import type {ActivationConfig, GradientNormConfig, NormalizationConfig} from "../../engine/types.js";

/** The activation as a Python function body on z, and PyTorch's calculate_gain as the engine states it. */
export function activationPy(config: ActivationConfig): {forward: string; gain: string} {
  switch (config.kind) {
    case "sigmoid":
      return {forward: "torch.sigmoid(z)", gain: "1"};
    case "tanh":
      return {forward: "torch.tanh(z)", gain: "5 / 3"};
    case "relu":
      return {forward: "torch.relu(z)", gain: "math.sqrt(2)"};
    case "leaky-relu":
      return {
        forward: `F.leaky_relu(z, ${config.slope})`,
        gain: `math.sqrt(2 / (1 + ${config.slope} ** 2))`
      };
    case "elu":
      return {forward: `F.elu(z, ${config.alpha})`, gain: "1"};
    case "gelu":
      return {forward: "F.gelu(z)", gain: "1"}; // the exact erf form, as the engine's
    case "selu":
      return {forward: "F.selu(z)", gain: "3 / 4"};
    case "softplus":
      return {forward: "F.softplus(z)", gain: "1"};
    case "maxout":
      // Unit u's two pieces are columns 2u and 2u + 1. On a tie torch.max picks one piece; the engine the first.
      return {forward: "torch.max(z.view(z.shape[0], -1, 2), dim=2).values", gain: "1"};
    default: {
      const unknown: never = config;
      throw new Error(`no PyTorch port of activation ${String((unknown as {kind: unknown}).kind)}`);
    }
  }
}

/** A Python expression building the normalization module for `width` features, or None. */
export function normalizationPy(config: NormalizationConfig): string {
  switch (config.kind) {
    case "none":
      return "None";
    case "batchnorm":
      return `nn.BatchNorm1d(width, eps=${config.eps}, momentum=${config.momentum})`;
    case "standardize":
      return `Standardize(${config.eps})`;
    case "layernorm":
      return `nn.LayerNorm(width, eps=${config.eps})`;
    default: {
      const unknown: never = config;
      throw new Error(`no PyTorch port of normalization ${String((unknown as {kind: unknown}).kind)}`);
    }
  }
}

/** The study's layer's eps (inserted after each activation), and block normalization's eps, or None. */
export function gradientNormPy(config: GradientNormConfig): {layerEps: string; blockEps: string} {
  switch (config.kind) {
    case "none":
      return {layerEps: "None", blockEps: "None"};
    case "study":
      return {layerEps: String(config.eps), blockEps: "None"};
    case "block":
      return {layerEps: "None", blockEps: String(config.eps)};
    default: {
      const unknown: never = config;
      throw new Error(
        `no PyTorch port of gradient normalization ${String((unknown as {kind: unknown}).kind)}`
      );
    }
  }
}

/** The model's modules; ACTIVATION, GAIN, make_norm and GRAD_LAYER_EPS come from the config. */
export const MODEL_PY = String.raw`
# ---- The model: src/engine/model.ts, one hidden unit = Linear -> [norm] -> activation -> [gradient norm] ----
class Standardize(nn.Module):
    """The study's layer: (x - mean) / (std + eps) per feature over the batch, unbiased std, in every mode."""

    def __init__(self, eps):
        super().__init__()
        self.eps = eps

    def forward(self, x):
        # torch.std's backward takes a zero std's gradient as 0, as the engine does.
        return (x - x.mean(dim=0, keepdim=True)) / (x.std(dim=0, keepdim=True) + self.eps)


class NormalizeGradient(torch.autograd.Function):
    """The study's gradient normalization: identity forward; backward g -> (g - mean g) / (std g + eps) over
    the whole [B, n] gradient, unbiased std (src/engine/gradient-norm.ts)."""

    @staticmethod
    def forward(ctx, x, eps):
        ctx.eps = eps
        return x.view_as(x)

    @staticmethod
    def backward(ctx, g):
        centred = g - g.mean()
        std = torch.sqrt((centred * centred).sum() / (g.numel() - 1))
        return centred / (std + ctx.eps), None


class Unit(nn.Module):
    def __init__(self, fan_in, width, weights, bias):
        super().__init__()
        fan_out = width * PIECES
        self.dense = linear(fan_in, fan_out, weights, bias)
        self.norm = make_norm(fan_out)

    def forward(self, x):
        z = self.dense(x)
        if self.norm is not None:
            z = self.norm(z)
        h = ACTIVATION(z)
        return h if GRAD_LAYER_EPS is None else NormalizeGradient.apply(h, GRAD_LAYER_EPS)


def linear(fan_in, fan_out, weights, bias):
    """nn.Linear holding the engine's W (row-major [fan_in, fan_out]) as its weight, W transposed."""
    layer = nn.Linear(fan_in, fan_out)
    with torch.no_grad():
        layer.weight.copy_(torch.tensor(weights, dtype=torch.float32).view(fan_in, fan_out).t())
        layer.bias.copy_(torch.tensor(bias, dtype=torch.float32))
    return layer


class Net(nn.Module):
    """Units then a head; a skip (a, b) adds the value leaving unit a to unit b's output (model.ts wireNetwork)."""

    def __init__(self, units, head, skips):
        super().__init__()
        self.units = nn.ModuleList(units)
        self.head = head
        self.skips = skips

    def forward(self, x):
        leaving = {0: x}
        for index, unit in enumerate(self.units, start=1):
            x = unit(x)
            for start, end in self.skips:
                if end == index:
                    x = leaving[start] + x
            leaving[index] = x
        return self.head(x)
`;
