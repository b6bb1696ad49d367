// The backend the race trains on: WebGL where the browser has it, else plain JavaScript (`?backend=cpu` forces
// it). Deliberately small and separate from the problem page's backend choice, which is being reworked for
// Web Workers; the race can move to those through Race's `start` option.
import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-cpu";

/** Activates the race's backend once and resolves to its name. */
export async function raceBackend(search: string): Promise<string> {
  if (new URLSearchParams(search).get("backend") === "cpu") await tf.setBackend("cpu");
  else {
    await import("@tensorflow/tfjs-backend-webgl");
    // setBackend resolves false when WebGL cannot start; the cpu backend is always there.
    if (!(await tf.setBackend("webgl"))) await tf.setBackend("cpu");
  }
  await tf.ready();
  return tf.getBackend();
}
