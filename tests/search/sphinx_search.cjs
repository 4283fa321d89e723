// Runs Sphinx's real search code on a built site under Node, as a browser would, without a browser.
// usage: node sphinx_search.cjs <html output dir>  with JSON {"words": [...], "queries": [...]} on stdin.
// Loads _static/searchtools.js, then _static/language_data.js (stop words, Stemmer, splitQuery), then
// searchindex.js, in that order as search.html does; prints JSON {stems, results, stopwords}:
// the stem of each word by the shipped Stemmer, and the docnames that each query finds.
"use strict";
const fs = require("fs");
const path = require("path");
const vm = require("vm");

const outdir = process.argv[2];
const context = {
  console,
  SPHINX_HIGHLIGHT_ENABLED: false, // from sphinx_highlight.js in a browser
  _ready: () => {}, // from doctools.js: no page to search on load
  document: { getElementById: () => null },
};
context.window = context;
vm.createContext(context);
for (const file of ["_static/searchtools.js", "_static/language_data.js", "searchindex.js"]) {
  const filename = path.join(outdir, file);
  vm.runInContext(fs.readFileSync(filename, "utf8"), context, { filename });
}
context.input = JSON.parse(fs.readFileSync(0, "utf8"));
const output = vm.runInContext(
  `({
    stems: input.words.map((word) => new Stemmer().stemWord(word)),
    results: input.queries.map((query) =>
      Search._performSearch(...Search._parseQuery(query)).map((result) => result[0])),
    stopwords: [...stopwords],
  })`,
  context,
);
process.stdout.write(JSON.stringify(output));
