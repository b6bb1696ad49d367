// Accessibility fixes to Framework 1.13's page template, which has no options for them: render.js hard-codes
// `<html>` without a language, a viewport that forbids zooming, a sidebar toggle named only by its `title`, and
// mouse-only `<label>`s (one of them directly inside a list). observablehq.config.ts loads this module from every
// page's `head`, so the fixes apply alike in `npm run dev` and in the built site.

export const LANGUAGE = "en";
const VIEWPORT = "width=device-width, initial-scale=1";

/** Applies every fix that the document's current content allows; safe to call more than once. */
export function fixTemplate(doc: Document): void {
  // Screen readers pick their pronunciation from it (axe: html-has-lang).
  if (!doc.documentElement.lang) doc.documentElement.lang = LANGUAGE;
  // maximum-scale=1 stops pinch-zoom on phones (WCAG 1.4.4, axe: meta-viewport).
  const viewport = doc.querySelector<HTMLMetaElement>('meta[name="viewport"]');
  if (viewport && /maximum-scale|user-scalable/.test(viewport.content)) viewport.content = VIEWPORT;
  // The checkbox that shows the sidebar: a title is a tooltip, not a name (axe: label-title-only). Checked
  // means shown, so the name says what checking does.
  doc.getElementById("observablehq-sidebar-toggle")?.setAttribute("aria-label", "Show sidebar");
  // The backdrop and the close arrow are empty labels that duplicate the checkbox for the mouse. Hidden from
  // assistive technology they stop being a stray child of the sidebar's list (axe: list) and a second, nameless
  // copy of the toggle; keyboard and screen-reader users have the checkbox itself.
  for (const id of ["observablehq-sidebar-close", "observablehq-sidebar-backdrop"])
    doc.getElementById(id)?.setAttribute("aria-hidden", "true");
  // Two unnamed navigation landmarks read the same; names tell them apart (axe: landmark-unique).
  doc.getElementById("observablehq-sidebar")?.setAttribute("aria-label", "Pages");
  doc.querySelector("#observablehq-toc > nav")?.setAttribute("aria-label", "Contents");
}

// A module script runs once the HTML is parsed (before DOMContentLoaded), when the template's elements exist.
if (typeof document !== "undefined") fixTemplate(document);
