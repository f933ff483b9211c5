// The minimal extension's content script: empty, injected on the same matches.
