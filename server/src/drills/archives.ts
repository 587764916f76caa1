// The playback archives of drills (回放, docs/adr/0024): every drill node keeps its own archive (ADR 0017)
// in its own database. The live server reads it for the review's 回放 / Replay: through the running node's
// client, or once the drill ended a read-only client on its SQLite file (a client of its PostgreSQL
// database), opened on first use and kept until the drill is deleted or the server stops.
import { createDb, openSqliteReadOnly, type Db } from '../db/client';
import type { DatabaseTarget } from '../db/url';
import { PlaybackReader } from '../playback/reader';

export class DrillArchives {
  private readonly open = new Map<string, { db: Promise<Db>; reader: Promise<PlaybackReader> }>();

  /** The archive of a drill: its running node's database, or its kept one (read-only). */
  reader(id: string, running: Db | null, database: DatabaseTarget): Promise<PlaybackReader> {
    if (running) return Promise.resolve(new PlaybackReader(running));
    let entry = this.open.get(id);
    if (!entry) {
      const db =
        database.provider === 'sqlite'
          ? Promise.resolve(openSqliteReadOnly(database.file))
          : createDb(database);
      entry = { db, reader: db.then((d) => new PlaybackReader(d)) };
      this.open.set(id, entry);
      db.catch(() => this.open.delete(id));
    }
    return entry.reader;
  }

  /** Closes a drill's kept client (before its database is deleted). */
  async close(id: string): Promise<void> {
    const entry = this.open.get(id);
    this.open.delete(id);
    if (entry) await (await entry.db.catch(() => null))?.$disconnect();
  }

  async closeAll(): Promise<void> {
    await Promise.all([...this.open.keys()].map((id) => this.close(id)));
  }
}
