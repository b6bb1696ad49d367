// The part of @observablehq/inputs (which ships no types) that TypeScript modules use.
declare module "@observablehq/inputs" {
  /** An input: a <form> whose `value` is the current value; it emits "input" events when it changes. */
  export type InputElement<T> = HTMLFormElement & {value: T};

  export interface RangeOptions {
    label?: string;
    value?: number;
    step?: number;
    transform?: (x: number) => number;
    format?: (x: number) => string;
  }
  export function range(extent: [number, number], options?: RangeOptions): InputElement<number>;
  /** A number box (no slider) over `extent`; any step. */
  export function number(extent: [number, number], options?: RangeOptions): InputElement<number>;

  export interface SelectOptions<T> {
    label?: string;
    value?: T;
    format?: (x: T) => string;
  }
  export function select<T>(data: readonly T[], options?: SelectOptions<T>): InputElement<T>;
}
