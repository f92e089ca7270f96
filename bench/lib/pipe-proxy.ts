// The reference every relay figure is set against: a plain HTTP proxy that
// forwards the request and pipes the upstream's response back untouched.
// Run in a process of its own (see servers.ts) so that its CPU time and
// memory can be read apart from the benchmark's client.
import {
  Agent,
  createServer,
  request as httpRequest,
  type IncomingMessage,
} from "node:http";

const port = Number(process.env.PIPE_PORT);
const upstream = new URL(process.env.PIPE_UPSTREAM ?? "");
// Reused connections, as the app's fetch keeps them.
const agent = new Agent({ keepAlive: true, maxSockets: Infinity });

const server = createServer((incoming: IncomingMessage, outgoing) => {
  const forwarded = httpRequest(
    {
      host: upstream.hostname,
      port: upstream.port,
      path: incoming.url,
      method: incoming.method,
      headers: { ...incoming.headers, host: upstream.host },
      agent,
    },
    (response) => {
      outgoing.writeHead(response.statusCode ?? 502, response.headers);
      response.pipe(outgoing);
    },
  );
  forwarded.on("error", () => outgoing.destroy());
  outgoing.on("close", () => {
    if (!outgoing.writableFinished) forwarded.destroy();
  });
  incoming.pipe(forwarded);
});

server.keepAliveTimeout = 60_000;
server.listen(port, "127.0.0.1");
process.once("SIGTERM", () => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
});
