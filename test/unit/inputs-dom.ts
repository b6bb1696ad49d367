// The jsdom document of components-dom.ts, plus the DOM classes that htl (under Observable Inputs) looks up as
// globals. Only names Node.js lacks are installed: its own Event and EventTarget stay as they are.
import "./components-dom.js";

const window = document.defaultView!;
for (const name of ["Node", "NodeList", "HTMLCollection", "Element", "HTMLElement", "DocumentFragment"]) {
  if (!(name in globalThis)) Object.assign(globalThis, {[name]: window[name as keyof typeof window]});
}
