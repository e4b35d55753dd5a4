// The flags Node runs a build with: `npm run build` and `npm start` pass them (package.json), and so does the site
// benchmark to its build child, so that its figures are the command's own.
//
// `--single-threaded-gc`: V8 collects garbage in the thread that made it, with no helper threads marking, scavenging
// and sweeping beside it. A build keeps both cores busy with its own threads (two parse workers, then the main thread
// and a render worker), so helpers only compete with them for the same two cores. Measured on this 2-core machine,
// alternating with and without it, cold builds without the search step:
// - 10,000 articles: 4 rounds of 4, wall 0.3-1.4 s shorter (17.2-19.5 s), CPU 4-10 % lower;
// - 50,000 articles: 2 rounds of 2, wall 0.4 and 3.9 s shorter (62-67 s), CPU 3-8 % lower, peak 52-70 MiB higher
//   (1,384-1,386 against 1,316-1,332 MiB), as memory is swept later;
// - a warm 50,000 build takes as long (8.8-9.3 s), with 7-15 % less CPU and 67-107 MiB more at its peak.
// A flag of V8's cannot be set once Node has started (setting it from code crashed a build), hence the command lines.
// Where several cores are idle during a build, `node bin/news-archive.js build` runs without it.
/** @type {readonly string[]} */
export const BUILD_NODE_FLAGS = Object.freeze(["--single-threaded-gc"]);
