// Builds github-action-benchmark history the way its src/write.ts does (DataJson, SCRIPT_PREFIX,
// JSON.stringify(data, null, 2)), from real libtest outputs parsed with its extractCargoResult regex.
const fs = require('fs');
const crypto = require('crypto');
const reExtract = /^test (.+)\s+\.\.\. bench:\s+([0-9,.]+) (\w+\/\w+) \(\+\/- ([0-9,.]+)\)$/;
function extractCargoResult(output) {
  const ret = [];
  for (const line of output.split(/\r?\n/g)) {
    const m = line.match(reExtract);
    if (m === null) continue;
    ret.push({ name: m[1].trim(), value: parseFloat(m[2].replace(/,/g, '')), range: `± ${m[4].replace(/,/g, '')}`, unit: m[3].trim() });
  }
  return ret;
}
const data = { lastUpdate: 0, repoUrl: 'https://github.com/example/fib', entries: {} };
const runs = process.argv.slice(2);
let date = 1764849600000;
for (const [i, file] of runs.entries()) {
  const id = crypto.createHash('sha1').update(`run ${i}`).digest('hex');
  const bench = {
    commit: {
      author: { email: 'dev@example.com', name: 'Dev', username: 'dev' },
      committer: { email: 'dev@example.com', name: 'Dev', username: 'dev' },
      distinct: true, id, message: `change ${i}`, timestamp: new Date(date).toISOString(),
      tree_id: crypto.createHash('sha1').update(`tree ${i}`).digest('hex'),
      url: `https://github.com/example/fib/commit/${id}`,
    },
    date, tool: 'cargo', benches: extractCargoResult(fs.readFileSync(file, 'utf8')),
  };
  (data.entries['Rust Benchmark'] ??= []).push(bench);
  date += 3600000;
}
data.lastUpdate = date;
fs.writeFileSync('data.js', 'window.BENCHMARK_DATA = ' + JSON.stringify(data, null, 2));
fs.writeFileSync('benchmark-data.json', JSON.stringify(data, null, 2));
