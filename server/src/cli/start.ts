// `npm start`: build what is missing, start the server (SQLite under ./data, migrations, demo seed),
// the simulator, and open the client. Ctrl-C stops everything.
//   npm start -- --no-sim --sim-rate 5 --kiosk --no-open --port 5870
//
// Nothing generated (Prisma clients, renderer bundle, tiles) is imported at the top level: a fresh clone
// has none of it until ensureBuilt() has run, so the server is loaded afterwards with import().
import { ConfigError, loadConfig } from '../config';
import { ensureBuilt } from './build';
import { electronStatus, openClient } from './open-client';

interface Flags {
  env: NodeJS.ProcessEnv;
}

export function parseFlags(argv: string[], env: NodeJS.ProcessEnv): Flags {
  const out: NodeJS.ProcessEnv = { ...env };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new ConfigError(`${arg} needs a value`);
      return v;
    };
    if (arg === '--no-sim') out.SIM = '0';
    else if (arg === '--sim') out.SIM = '1';
    else if (arg === '--sim-rate') out.SIM_RATE = value();
    else if (arg === '--no-open') out.OPEN = '0';
    else if (arg === '--kiosk') out.KIOSK = '1';
    else if (arg === '--port') out.PORT = value();
    else if (arg === '--drill') out.DRILL = '1';
    else
      throw new ConfigError(
        `unknown option ${arg}; known: --no-sim --sim-rate N --no-open --kiosk --port N --drill`,
      );
  }
  return { env: out };
}

async function main(): Promise<void> {
  const say = (line: string) => console.log(`[start] ${line}`);
  let config;
  try {
    const flags = parseFlags(process.argv.slice(2), process.env);
    config = loadConfig(flags.env);
  } catch (error) {
    console.error(`[start] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  }
  const started = Date.now();
  const electron = electronStatus();
  if (!electron.binary && config.open) say(`${electron.reason}: the client opens in Chromium/Chrome instead`);
  ensureBuilt({ electron: electron.binary !== null, log: (l) => say(l) });

  say('starting the server: migrations, and on a new database the demo city (100,000 parts, about 10 s)');
  const { startServer } = await import('../server');
  const server = await startServer(config);
  say(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  say(`serving the command client at ${server.url}`);
  say(
    `database: ${config.database.provider} ${config.database.provider === 'sqlite' ? config.database.file : '(DATABASE_URL)'}`,
  );
  const { startSimulatorIfEnabled } = await import('../sim/index');
  const sim = await startSimulatorIfEnabled(server);
  say(`simulator: ${sim ? `on (rate ${config.simRate}, seed ${config.seed})` : 'off'}`);

  let client = null;
  if (config.open) {
    client = openClient(server.url, { dataDir: config.dataDir, kiosk: config.kiosk });
    if (client) say(`opened the client in ${client.kind} (${client.command})`);
    else say(`no Electron binary and no Chromium/Chrome found: open ${server.url} in a browser`);
  } else {
    say(`OPEN=0: not opening a window; open ${server.url}`);
  }
  say('press Ctrl-C to stop');

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    say('stopping…');
    client?.child.kill('SIGTERM');
    await sim?.stop();
    await server.close();
    say('stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    console.error(
      `[start] failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    process.exit(1);
  });
}
