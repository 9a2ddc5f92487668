"use strict";
// The words lunr indexes and looks up, the same at build time (Node.js) and in the page. lunr's own
// trimmer and stemmer know only English (its trimmer strips every non-ASCII letter), so Russian and
// Estonian get a pipeline of their own: lowercase, ё read as е, non-letters trimmed off both ends.
(function (root, install) {
  if (typeof module === "object" && module.exports) module.exports = install;
  else root.bookSearchPipeline = install;
})(this, function (lunr) {
  var edges = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;

  /** A word as both sides compare it: lowercase, ё as е, no punctuation around it. */
  function fold(text) {
    return text.toLowerCase().replace(/ё/g, "е").replace(edges, "");
  }

  function bookFold(token) {
    var folded = token.update(fold);
    return folded.toString() ? folded : undefined;
  }

  if (!lunr.Pipeline.registeredFunctions["book-fold"]) lunr.Pipeline.registerFunction(bookFold, "book-fold");

  return {
    fold: fold,
    /** Whether `language` keeps lunr's English pipeline (trimmer, stop words, stemmer). */
    english: function (language) { return language === "en"; },
    /** Sets up an index builder for `language`. */
    configure: function (builder, language) {
      if (language === "en") return;
      builder.pipeline.reset();
      builder.searchPipeline.reset();
      builder.pipeline.add(lunr.Pipeline.registeredFunctions["book-fold"]);
      builder.searchPipeline.add(lunr.Pipeline.registeredFunctions["book-fold"]);
    }
  };
});
