// Reading a page's settings from its URL (?depth=10&lr=0.1), so readers can share a configuration. A bad
// value never breaks the page: it is ignored, the default stays, and the reader is told why.

export type ParamSpec =
  | {kind: "integer"; min: number; max: number}
  | {kind: "number"; min: number; max: number}
  | {kind: "choice"; values: readonly string[]};

export interface ParsedParams<K extends string> {
  values: Partial<Record<K, number | string>>;
  /** One plain-English line per ignored parameter. */
  problems: string[];
}

function check(spec: ParamSpec, raw: string): {value: number | string} | {problem: string} {
  if (spec.kind === "choice") {
    return spec.values.includes(raw) ? {value: raw} : {problem: `must be one of ${spec.values.join(", ")}`};
  }
  const value = raw.trim() === "" ? NaN : Number(raw);
  const wholeOk = spec.kind === "number" || Number.isInteger(value);
  if (!Number.isFinite(value) || !wholeOk || value < spec.min || value > spec.max) {
    const what = spec.kind === "integer" ? "a whole number" : "a number";
    return {problem: `must be ${what} from ${spec.min} to ${spec.max}`};
  }
  return {value};
}

/** Parses the parameters named in `specs` from a query string; unknown parameters are left alone. */
export function parseParams<K extends string>(search: string, specs: Record<K, ParamSpec>): ParsedParams<K> {
  const query = new URLSearchParams(search);
  const values: Partial<Record<K, number | string>> = {};
  const problems: string[] = [];
  for (const key of Object.keys(specs) as K[]) {
    const raw = query.get(key);
    if (raw === null) continue;
    const result = check(specs[key], raw);
    if ("value" in result) values[key] = result.value;
    else problems.push(`Ignored ?${key}=${raw.slice(0, 40)}: it ${result.problem}.`);
  }
  return {values, problems};
}
