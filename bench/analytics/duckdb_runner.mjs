// Runs the analytics benchmark on DuckDB (in-process, @duckdb/node-api): loads the table with
// the given statement, then times each query. Prints one JSON object: per query, its rows (as
// text) and its run times in milliseconds.
//   node duckdb_runner.mjs THREADS LOAD_SQL_FILE QUERIES_FILE RUNS
import { readFileSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';

const [threads, loadFile, queriesFile, runs] = process.argv.slice(2);
const instance = await DuckDBInstance.create(':memory:', { threads });
const conn = await instance.connect();
for (const stmt of readFileSync(loadFile, 'utf8').split(';')) {
  if (stmt.trim() !== '') await conn.run(stmt);
}
const queries = readFileSync(queriesFile, 'utf8').split('\n')
  .filter((l) => l.trim() !== '' && !l.startsWith('--'));
const out = [];
for (const q of queries) {
  let rows = null;
  const times = [];
  for (let i = 0; i <= Number(runs); i++) {  // the first run warms up and is not counted
    const start = process.hrtime.bigint();
    const reader = await conn.runAndReadAll(q);
    const r = reader.getRows();
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (i > 0) times.push(ms);
    rows = r.map((row) => row.map((v) => (v === null ? null : String(v))));
  }
  out.push({ query: q, rows, times });
}
console.log(JSON.stringify(out));
