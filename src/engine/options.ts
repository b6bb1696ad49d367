// Strategy registries: every choice the engine offers (init scheme, activation, normalization, optimizer,
// gradient normalization) is a name mapped to a spec of its numeric options. Validation, presets and page
// controls all read the allowed names and bounds from these specs, so a new strategy is added in one place and
// an unknown name is an error everywhere, never a silent default.

/** One numeric option of a strategy: its bounds (for validation and sliders) and its default (PyTorch's). */
export interface NumberOption {
  label: string;
  min: number;
  max: number;
  default: number;
  /** The lower bound itself is not allowed (a learning rate must be above 0). */
  minOpen?: boolean;
  integer?: boolean;
  /** How a slider should move over the range. */
  scale: "linear" | "log";
}

export interface StrategySpec {
  label: string;
  /** One line for a control's help text: what it does and, where it matters, its formula. */
  description: string;
  options: Readonly<Record<string, NumberOption>>;
}

/** name → spec; `satisfies Registry<Kind>` in each registry makes a missing name a compile error. */
export type Registry<K extends string> = Readonly<Record<K, StrategySpec>>;

/** A strategy config: its kind plus one number per option of that kind's spec. */
export type StrategyConfig<K extends string = string> = {kind: K} & Record<string, number | string>;

/** A config that failed validation; `field` names the offending setting (dotted path). */
export class ConfigError extends Error {
  constructor(
    readonly field: string,
    message: string
  ) {
    super(`${field}: ${message}`);
    this.name = "ConfigError";
  }
}

export function kindsOf<K extends string>(registry: Registry<K>): K[] {
  return Object.keys(registry) as K[];
}

export function checkNumber(
  field: string,
  value: unknown,
  option: Omit<NumberOption, "label" | "default" | "scale">
): void {
  const {min, max, minOpen = false, integer = false} = option;
  const ok =
    typeof value === "number" &&
    Number.isFinite(value) &&
    (!integer || Number.isInteger(value)) &&
    (minOpen ? value > min : value >= min) &&
    value <= max;
  if (!ok) {
    const what = integer ? "a whole number" : "a number";
    const lower = minOpen ? `above ${min}` : `from ${min}`;
    throw new ConfigError(field, `must be ${what} ${lower} to ${max}, got ${String(value)}`);
  }
}

/**
 * Checks a strategy config against its registry: the kind must be a registered name, every option of that kind
 * present and in range, and nothing else given (a misspelt option is an error, not ignored).
 */
export function validateStrategy<K extends string>(
  field: string,
  registry: Registry<K>,
  value: unknown
): void {
  const config = (typeof value === "object" && value !== null ? value : {}) as Record<string, unknown>;
  const kinds = kindsOf(registry);
  if (!kinds.includes(config.kind as K)) {
    throw new ConfigError(`${field}.kind`, `must be one of ${kinds.join(", ")}, got ${String(config.kind)}`);
  }
  const spec = registry[config.kind as K];
  for (const [name, option] of Object.entries(spec.options)) {
    checkNumber(`${field}.${name}`, config[name], option);
  }
  const extra = Object.keys(config).filter((key) => key !== "kind" && !(key in spec.options));
  if (extra.length > 0) {
    const allowed = Object.keys(spec.options);
    throw new ConfigError(
      `${field}.${extra[0]}`,
      `is not an option of ${String(config.kind)}${allowed.length ? ` (its options: ${allowed.join(", ")})` : ""}`
    );
  }
}

/** The config of `kind` with every option at its default, overridden by `overrides`. */
export function withDefaults<K extends string, C extends StrategyConfig<K>>(
  registry: Registry<K>,
  kind: K,
  overrides: Partial<Record<string, number>> = {}
): C {
  const spec = registry[kind];
  if (!spec)
    throw new ConfigError("kind", `must be one of ${kindsOf(registry).join(", ")}, got ${String(kind)}`);
  const config: Record<string, number | string> = {kind};
  for (const [name, option] of Object.entries(spec.options)) config[name] = overrides[name] ?? option.default;
  return config as C;
}
