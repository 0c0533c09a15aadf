import { DuckDBInstance } from '@duckdb/node-api';
const inst = await DuckDBInstance.create(':memory:', { threads: '2' });
const con = await inst.connect();
let t0 = performance.now();
await con.run(`CREATE TABLE na AS SELECT "date" AS d, portfolio, class, CAST(net_assets * 100 AS BIGINT) AS na_cents FROM read_csv('/tmp/kb/na.csv', header=true, columns={'date':'DATE','portfolio':'VARCHAR','class':'VARCHAR','net_assets':'DECIMAL(18,2)'})`);
console.log('load', (performance.now() - t0).toFixed(0));
t0 = performance.now();
await con.run(`CREATE TABLE cls AS SELECT portfolio, class, row_number() OVER () - 1 AS cid FROM (SELECT DISTINCT portfolio, class FROM na)`);
await con.run(`CREATE TABLE na2 AS SELECT c.cid, n.d, n.na_cents FROM na n JOIN cls c USING (portfolio, class) ORDER BY c.cid, n.d`);
console.log('na2', (performance.now() - t0).toFixed(0));
const Y = `CASE WHEN year(d) % 4 = 0 AND (year(d) % 100 <> 0 OR year(d) % 400 = 0) THEN 366::BIGINT ELSE 365::BIGINT END`;
const q: Record<string, string> = {
  sum: `SELECT sum(na_cents) FROM na`,
  groupStr: `SELECT portfolio, class, count(*), sum(na_cents) FROM na GROUP BY ALL`,
  groupStrMonth: `SELECT portfolio, class, month(d), count(*), sum(na_cents) FROM na GROUP BY ALL`,
  feeNoGroup: `SELECT sum((2*na_cents*750000 + 100000000*${Y}) // (200000000*${Y})) FROM na`,
  feeNoGroupConstY: `SELECT sum((2*na_cents*750000 + 36500000000) // 73000000000) FROM na`,
  intGroup: `SELECT cid, month(d), count(*), sum(na_cents), sum((2*na_cents*750000 + 36500000000) // 73000000000) FROM na2 GROUP BY ALL`,
};
for (const [name, sql] of Object.entries(q)) {
  const times: number[] = [];
  for (let i = 0; i < 3; i++) { const t = performance.now(); const r = await con.runAndReadAll(sql); r.getRows(); times.push(performance.now() - t); }
  console.log(name, times.map((x) => x.toFixed(0)).join(' '));
}
