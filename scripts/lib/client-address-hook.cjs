// Preloaded into the Next.js server by scripts/start.mjs (NODE_OPTIONS --require). Next.js keeps
// a client-sent X-Forwarded-For as it is, so it cannot tell who is really connecting; this hook
// writes the TCP peer's address into x-eagle-client-address on every request, overwriting
// anything a client sent under that name. Sign-in throttling counts failures per that address
// (or per the trusted proxy's X-Forwarded-For entry when TRUST_PROXY=1; see the README).
const http = require("node:http");
const https = require("node:https");

const HEADER = "x-eagle-client-address";

function hook(server) {
  server.prependListener("request", (request) => {
    request.headers[HEADER] = request.socket?.remoteAddress ?? "";
  });
  return server;
}

for (const transport of [http, https]) {
  const createServer = transport.createServer;
  transport.createServer = function patchedCreateServer(...args) {
    return hook(createServer.apply(this, args));
  };
}
