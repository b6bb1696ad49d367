// Observable Framework configuration. Everything the site needs is bundled from node_modules at build time:
// no search, no remote font (default stylesheet), no footer link, so the built site never contacts another origin.
import {existsSync} from "node:fs";

/** Lists a page only once its Markdown exists: a listed but missing page fails `observable build`. */
const page = (name: string, path: string) =>
  existsSync(new URL(`src${path}.md`, import.meta.url)) ? [{name, path}] : [];

export default {
  root: "src",
  title: "Vanishing Gradients, live",
  pages: [
    {name: "Home", path: "/"},
    ...page("The problem", "/problem"),
    ...page("Remedy: initialization", "/initialization"),
    ...page("Remedy: activations", "/activations"),
    ...page("Remedy: optimizers", "/optimizers"),
    ...page("Remedy: normalization", "/normalization"),
    ...page("Remedy: skip connections", "/skip-connections"),
    ...page("Remedy: layer-wise training", "/layerwise"),
    ...page("Remedy: gradient normalization", "/gradient-normalization"),
    ...page("The study, reproduced", "/study"),
    ...page("Theory: order, chaos and the edge", "/theory"),
    ...page("Playground", "/playground")
  ],
  // Light or dark following the reader's system setting: the air and near-midnight themes, with contrast fixes.
  style: "style.css",
  // Replaces the default list, whose Source Serif font comes from fonts.googleapis.com.
  globalStylesheets: ["observablehq:stdlib/inputs.css"],
  footer: "",
  // No favicon file: an empty data: icon stops browsers requesting /favicon.ico (a 404 on any static host).
  // The module fixes the accessibility of Framework's page template (language, zoom, sidebar names).
  head: '<link rel="icon" href="data:,">\n<script type="module" src="/lib/accessible-template.js"></script>',
  search: false
};
