// The raw PostgreSQL baseline of the ingest bench: the same readings (sensor, value, time) inserted by `pg`
// directly into a plain table, batches of 500 as one INSERT … SELECT unnest(…), 4 connections, closed loop.
import pg from 'pg';

export async function rawPgReadings(url: string, sensors: Array<{ id: string }>, seconds: number) {
  const clients = await Promise.all(
    Array.from({ length: 4 }, async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      return c;
    }),
  );
  await clients[0]!.query(
    'CREATE TABLE IF NOT EXISTS bench_reading (sensor_id text NOT NULL, value double precision NOT NULL, at timestamptz NOT NULL)',
  );
  let cursor = 0;
  let written = 0;
  const started = performance.now();
  const until = started + seconds * 1000;
  await Promise.all(
    clients.map(async (c) => {
      while (performance.now() < until) {
        const ids: string[] = [];
        const values: number[] = [];
        const at: Date[] = [];
        for (let i = 0; i < 500; i++) {
          ids.push(sensors[cursor++ % sensors.length]!.id);
          values.push(Math.random() * 10);
          at.push(new Date());
        }
        await c.query(
          'INSERT INTO bench_reading (sensor_id, value, at) SELECT * FROM unnest($1::text[], $2::float8[], $3::timestamptz[])',
          [ids, values, at],
        );
        written += 500;
      }
    }),
  );
  const perS = Math.round(written / ((performance.now() - started) / 1000));
  await Promise.all(clients.map((c) => c.end()));
  return perS;
}
