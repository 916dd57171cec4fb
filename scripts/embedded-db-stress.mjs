// Stress check of the embedded database's connection multiplexing (docs/decisions/002):
//   node scripts/embedded-db-stress.mjs
// 30 pool clients x 30 rounds of insert/read-back and explicit transactions (some rolled back),
// a client that disconnects inside a transaction, a failing extended-protocol query.
import pg from "pg";
import { startEmbeddedDb } from "./embedded-db.mjs";
const db = await startEmbeddedDb({ port: 0, dataDir: "memory" });
const pool = new pg.Pool({ connectionString: db.url, max: 20 });
await pool.query("CREATE TABLE t (id serial primary key, w int, v text)");
let errors = [], wrong = 0;
const t0 = Date.now();
// 1. a client that begins a transaction, writes, then disconnects abruptly
const c = new pg.Client({ connectionString: db.url }); c.on("error", () => {}); await c.connect();
await c.query("BEGIN"); await c.query("INSERT INTO t (w, v) VALUES (-1, 'ghost')");
c.connection.stream.destroy();
// 2. a client whose extended-protocol query fails
try { await pool.query("SELECT $1::int / 0", [1]); } catch (e) { console.log("expected error:", e.message); }
// 3. 30 workers × 30 rounds
await Promise.all(Array.from({ length: 30 }, async (_, w) => {
  for (let r = 0; r < 30; r++) {
    try {
      const { rows } = await pool.query("INSERT INTO t (w, v) VALUES ($1, $2) RETURNING id, w, v", [w, `${w}-${r}`]);
      if (rows[0].v !== `${w}-${r}`) wrong++;
      const back = await pool.query("SELECT v FROM t WHERE id = $1", [rows[0].id]);
      if (back.rows[0]?.v !== `${w}-${r}`) wrong++;
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        await client.query("INSERT INTO t (w, v) VALUES ($1, 'tx')", [w]);
        if (r % 5 === 0) { await client.query("SELECT pg_sleep(0.01)"); }
        const n = await client.query("SELECT count(*)::int AS n FROM t WHERE w = $1 AND v = 'tx'", [w]);
        // committed rows of earlier rounds (those with r % 7 === 0 rolled back) + this one
        if (n.rows[0].n !== r - Math.ceil(r / 7) + 1) wrong++;
        if (r % 7 === 0) { await client.query("ROLLBACK"); } else { await client.query("COMMIT"); }
      } finally { client.release(); }
    } catch (e) { errors.push(e.message); }
  }
}));
const ghost = await pool.query("SELECT count(*)::int AS n FROM t WHERE w = -1");
const tx = await pool.query("SELECT w, count(*)::int AS n FROM t WHERE v = 'tx' GROUP BY w ORDER BY w");
const expectedTx = 30 - Math.ceil(30 / 7); // rounds 0, 7, 14, 21, 28 roll back
console.log({ ms: Date.now() - t0, errors: errors.length, first: errors.slice(0, 3), wrong, ghostRows: ghost.rows[0].n, txOk: tx.rows.every((r) => r.n === expectedTx), groups: tx.rows.length });
await pool.end();
await db.stop();
