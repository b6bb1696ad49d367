import "./components-dom.js";
import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {gradientHeatmap, gradientProfile, trainingCurves, weightChange} from "../../components/index.js";
import {comparisonCard, comparisonGrid, liveEntries, summaryLine} from "../../src/lib/comparison-cards.js";
import {configFromControls, PAGE_DEFAULTS} from "../../src/lib/controls.js";
import {loadRun} from "./components-fixtures.js";

const charts = {gradientHeatmap, gradientProfile, trainingCurves, weightChange};

describe("summaryLine", () => {
  it("quotes the first and last hidden layers' gradient norms and every accuracy the snapshot has", () => {
    const last = loadRun("vanishing-run").at(-1)!;
    const hidden = last.layers.filter((l) => l.activation !== null);
    const line = summaryLine(last);
    assert.ok(
      line.startsWith(`Step ${last.step}: ‖∂L/∂W‖ ${hidden[0]!.gradNorm.toExponential(1)} at layer 1, `),
      line
    );
    assert.ok(line.includes(`at layer ${hidden.length};`), line);
    assert.ok(line.includes(`${(last.train.accuracy * 100).toFixed(1)}% (train)`), line);
    assert.equal(summaryLine(null), "No snapshot yet.");
  });
});

describe("comparisonCard and comparisonGrid", () => {
  it("draws heatmap, profile over the other run, weight change and accuracy, with a live run's progress", () => {
    const [remedy, baseline] = liveEntries([
      {
        label: "N(0, 1²) init",
        view: {
          status: "running",
          message: null,
          config: configFromControls(PAGE_DEFAULTS),
          run: {
            status: "running",
            message: null,
            snapshots: loadRun("healthy-run"),
            step: 45,
            totalSteps: 90,
            elapsedMs: 1,
            remainingMs: 1
          }
        }
      },
      {label: "Baseline", view: {status: "idle", message: null, run: null, config: null}}
    ]);
    const card = comparisonCard(remedy!, baseline!, 400, charts);
    assert.equal(card.querySelector("h2")!.textContent, "N(0, 1²) init");
    assert.equal(card.querySelector("progress")!.value, 45);
    assert.equal(card.querySelectorAll("svg").length, 4);
    assert.match(card.querySelector(".run-summary")!.textContent!, /^Step \d+: ‖∂L\/∂W‖/);
    // A replay has no progress bar.
    assert.equal(
      comparisonCard({label: "ref", snapshots: loadRun("healthy-run")}, null, 400, charts).querySelector(
        "progress"
      ),
      null
    );
  });

  it("draws every card over the baseline (the last entry), and the baseline alone among three", async () => {
    const entries = ["a", "b", "base"].map((label) => ({label, snapshots: loadRun("vanishing-run")}));
    const drawn: [string, string | null][] = [];
    const tools = {
      charts,
      resize: (render: (width: number) => unknown) => (render(300), document.createElement("div")),
      inTurn: <T>(render: () => T) => Promise.resolve(render())
    };
    const spy = {
      ...tools,
      charts: {
        ...charts,
        gradientProfile: ((s, o) => (
          drawn.push([o.labels![0], o.labels![1] || null]),
          gradientProfile(s, o)
        )) as typeof gradientProfile
      }
    };
    const grid = comparisonGrid(entries, spy);
    await Promise.resolve();
    assert.equal(grid.querySelectorAll(".card").length, 3);
    assert.deepEqual(drawn, [
      ["a", "base"],
      ["b", "base"],
      ["base", null]
    ]);
  });

  it("keeps the baseline's colour from card to card: filled in its own card, hollow in the remedy's", async () => {
    const entries = ["remedy", "base"].map((label) => ({label, snapshots: loadRun("vanishing-run")}));
    const tools = {
      charts,
      resize: (render: (width: number) => unknown) => {
        const holder = document.createElement("div");
        holder.append(render(300) as Node);
        return holder;
      },
      inTurn: <T>(render: () => T) => render() as unknown as Promise<T>
    };
    const grid = comparisonGrid(entries, tools);
    const [remedyCard, baseCard] = [...grid.querySelectorAll(".card")];
    // The profile is each card's second chart; its filled markers are the card's own run.
    const colors = (card: Element) => {
      const profile = card.querySelectorAll("svg")[1]!;
      const fill = (selector: string) => profile.querySelector(`${selector} circle`)!.getAttribute("stroke");
      return {own: fill(".run"), other: fill(".compare")};
    };
    const remedy = colors(remedyCard!);
    const base = colors(baseCard!);
    assert.notEqual(remedy.own, remedy.other);
    assert.deepEqual(base, {own: remedy.other, other: remedy.own});
  });
});
