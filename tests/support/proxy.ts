// "Several nodes behind one address": a TCP proxy that sends each new connection to the first backend
// that accepts it (websocket transport, so no sticky sessions are needed). When a node dies its
// connections drop, and the clients' reconnections land on the next node.
import net from 'node:net';

export interface Proxy {
  url: string;
  close(): Promise<void>;
}

export async function startProxy(backends: () => number[]): Promise<Proxy> {
  const open = new Set<net.Socket>();
  const server = net.createServer((client) => {
    open.add(client);
    client.on('close', () => open.delete(client));
    client.on('error', () => client.destroy());
    client.pause();
    const tryBackend = (list: number[]) => {
      const port = list[0];
      if (port === undefined) return client.destroy();
      const upstream = net.connect(port, '127.0.0.1');
      let linked = false;
      upstream.on('error', () => {
        upstream.destroy();
        if (linked) client.destroy();
        else tryBackend(list.slice(1)); // refused: the next node
      });
      upstream.once('connect', () => {
        linked = true;
        open.add(upstream);
        upstream.on('close', () => {
          open.delete(upstream);
          client.destroy();
        });
        client.on('close', () => upstream.destroy());
        client.pipe(upstream);
        upstream.pipe(client);
        client.resume();
      });
    };
    tryBackend(backends());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of open) s.destroy();
        server.close(() => resolve());
      }),
  };
}
