// Child process of the province bench: N thin Socket.IO clients (Engine.IO v4 over a WebSocket, resume from
// now) spread over the nodes; each stream event's delay from its commit time (`at`) to its arrival.
import WebSocket from 'ws';

type Command = { cmd: 'connect'; urls: string[]; tokens: string[] } | { cmd: 'report' } | { cmd: 'close' };

const delays: number[] = [];
let received = 0;
let disconnects = 0;
const sockets: WebSocket[] = [];

function connect(url: string, token: string): Promise<void> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/socket.io/?EIO=4&transport=websocket`);
    ws.on('message', (data: Buffer) => {
      const text = data.toString();
      if (text.startsWith('42["stream:events"')) {
        const t = Date.now();
        const [, batch] = JSON.parse(text.slice(2)) as [string, { events: Array<{ at: string }> }];
        for (const e of batch.events) {
          received++;
          if (delays.length < 200_000) delays.push(t - Date.parse(e.at));
        }
        return;
      }
      if (text === '2') return ws.send('3');
      if (text.startsWith('0')) return ws.send(`40${JSON.stringify({ token })}`);
      if (text.startsWith('40')) return ws.send('420["stream:resume",{"lastSeq":null}]');
      if (text.startsWith('430')) return resolve();
    });
    ws.on('close', () => disconnects++);
    sockets.push(ws);
  });
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(p * s.length))]! : null;
};

process.on('message', async (message: Command) => {
  if (message.cmd === 'connect') {
    await Promise.all(message.tokens.map((t, i) => connect(message.urls[i % message.urls.length]!, t)));
  } else if (message.cmd === 'report') {
    process.send!({ received, p50: pct(delays, 0.5), p99: pct(delays, 0.99), disconnects });
    return;
  } else {
    for (const s of sockets) s.close();
  }
  process.send!({ done: message.cmd });
});
