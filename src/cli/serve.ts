/**
 * `vnpress serve`: the database in a browser at http://127.0.0.1:8080/. Runs until interrupted (Ctrl-C),
 * then closes its connections and the database.
 */
import { existsSync } from 'node:fs';
import { InputError } from '../errors.js';
import { isLoopback, serve } from '../serve/server.js';

export async function runServe(opts: { db: string; host: string; port: string; log?: boolean; cache?: boolean; workers?: string }): Promise<void> {
  const port = Number(opts.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new InputError(`--port must be a number from 0 to 65535, not "${opts.port}"`);
  const workers = opts.workers === undefined ? undefined : Number(opts.workers);
  if (workers !== undefined && !(Number.isInteger(workers) && workers >= 0 && workers <= 64)) throw new InputError(`--workers must be a number from 0 to 64, not "${opts.workers}"`);
  if (!existsSync(opts.db)) throw new InputError(`no database at ${opts.db}; run vnpress crawl (or vnpress demo) first, or pass --db`);
  if (!isLoopback(opts.host)) {
    process.stderr.write(`warning: listening on ${opts.host}: anyone who can reach this machine can read the database. Use --host 127.0.0.1 to keep it to this machine.\n`);
  }
  const running = await serve({
    db: opts.db, host: opts.host, port, cache: opts.cache !== false, workers,
    log: opts.log ? (l) => process.stderr.write(`${l.method} ${l.path} ${l.status} ${l.ms.toFixed(1)} ms\n`) : undefined,
  });
  process.stdout.write(`vnpress serve: ${opts.db} at ${running.url}/ (Ctrl-C to stop)\n`);
  await new Promise<void>((resolve) => {
    const stop = () => { void running.close().then(resolve); };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
