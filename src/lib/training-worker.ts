// The module Web Worker that trains a page's runs off the main thread (started by run-slot.ts). Framework
// transpiles it like any page module, so its imports resolve to the site's own copies of TensorFlow.js.
import type {ToHost} from "./run-protocol.js";
import {createRunHost} from "./run-host.js";

const scope = self as unknown as {
  postMessage(message: unknown): void;
  onmessage: ((event: MessageEvent<ToHost>) => void) | null;
};
const handle = createRunHost((message) => scope.postMessage(message));
scope.onmessage = (event) => handle(event.data);
scope.postMessage({type: "ready"});
