// A tiny FashionMNIST site for the run-host tests: 25 training images in shards of 10, 7 test images, built by
// the same code as the real files, served by a fetch stub that counts requests.
import {buildFashionFiles} from "../../data/shards.js";
import {fakeDataset} from "./data-fixtures.js";

const labels = (n: number) => Array.from({length: n}, (_, i) => (i * 3) % 10);

export const TINY = buildFashionFiles(
  {
    train: fakeDataset(labels(25)),
    test: fakeDataset(labels(7), [40, 41, 42, 43, 44, 45, 46]),
    source: {kind: "npm", name: "t", split: "t"},
    seeds: {trainSeed: 1, testSeed: 2},
    dropped: []
  },
  10
);

export const TINY_URLS = Object.fromEntries(TINY.files.map((f) => [f.name, `https://site.test/${f.name}`]));

/** A fetch over TINY's files; `requested` lists the file names asked for, in order. */
export function tinyFetch() {
  const requested: string[] = [];
  const fetchUrl = async (url: string) => {
    const name = url.slice(url.lastIndexOf("/") + 1);
    requested.push(name);
    const file = TINY.files.find((f) => f.name === name);
    return file ? new Response(Uint8Array.from(file.bytes)) : new Response("missing", {status: 404});
  };
  return {requested, fetchUrl};
}
