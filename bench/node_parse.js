// Parses LookML files with the npm package lookml-parser, for comparison with lkml's parser.
//
//   node bench/node_parse.js [--once] [--min-seconds S] PATH...
//
// PATHs are .lkml files or directories (searched recursively). Files are read before the clock
// starts; only lookmlParser.parse(text) is timed. Without --once the files are parsed
// repeatedly (one warm-up pass, then passes until S seconds, default 1) and the best pass is
// reported, like Google Benchmark's repetitions; --once parses each file exactly once (for the
// whole-process comparison with `lkml lint`). The module is found through NODE_PATH or
// build/bench/node_modules (where bench/run.sh installs it).
// Prints one line: bytes=N files=N failures=N seconds=S mb_per_s=X (MB = 2^20 bytes).
'use strict';
const fs = require('fs');
const path = require('path');

function loadParser() {
  const candidates = [
    'lookml-parser',
    path.join(__dirname, '..', 'build-bench', 'bench', 'node_modules', 'lookml-parser'),
  ];
  for (const c of candidates) {
    try {
      return require(c);
    } catch (e) {
      // try the next location
    }
  }
  console.error('node_parse.js: cannot load lookml-parser (npm install lookml-parser)');
  process.exit(2);
}

function findFiles(p, out) {
  const stat = fs.statSync(p);
  if (stat.isDirectory()) {
    for (const name of fs.readdirSync(p).sort()) {
      if (name.startsWith('.')) continue;
      findFiles(path.join(p, name), out);
    }
  } else if (p.endsWith('.lkml') || stat.isFile()) {
    out.push(p);
  }
}

function main() {
  const args = process.argv.slice(2);
  let once = false;
  let minSeconds = 1;
  const paths = [];
  for (let i = 0; i < args.length; ++i) {
    if (args[i] === '--once') once = true;
    else if (args[i] === '--min-seconds') minSeconds = Number(args[++i]);
    else paths.push(args[i]);
  }
  const files = [];
  for (const p of paths) findFiles(p, files);
  const texts = files.filter((f) => f.endsWith('.lkml')).map((f) => fs.readFileSync(f, 'utf8'));
  const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t, 'utf8'), 0);
  const parser = loadParser();

  let failures = 0;
  const pass = () => {
    let failed = 0;
    const start = process.hrtime.bigint();
    for (const text of texts) {
      try {
        parser.parse(text);
      } catch (e) {
        ++failed;
      }
    }
    failures = failed;
    return Number(process.hrtime.bigint() - start) / 1e9;
  };

  let best;
  if (once) {
    best = pass();
  } else {
    pass();  // warm-up: lets V8 optimise the generated parser
    best = Infinity;
    const deadline = Date.now() + minSeconds * 1000;
    do {
      best = Math.min(best, pass());
    } while (Date.now() < deadline);
  }
  const mbPerS = best > 0 ? bytes / 1048576 / best : 0;
  console.log(`bytes=${bytes} files=${texts.length} failures=${failures} ` +
              `seconds=${best.toFixed(4)} mb_per_s=${mbPerS.toFixed(2)}`);
}

main();
