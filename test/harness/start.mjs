// npm start: the extension in a real VS Code (code-server) on samples/. Open the printed URL
// in a browser; Ctrl+C stops it.
import { join } from 'node:path';
import { root, startCodeServer } from './codeServer.mjs';

// PORT=8080 npm start for a fixed port; a free one otherwise.
const server = await startCodeServer({ port: process.env.PORT ? Number(process.env.PORT) : undefined });
const url = server.url(join(root, 'samples'), { extensionDevelopmentPath: root });
console.log(`\nAsync Customer Doctor is running in VS Code 1.100.3 (code-server).\nOpen this URL in a browser:\n\n  ${url}\n\nPress Ctrl+C to stop.`);
const stop = async () => {
  await server.stop();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
setInterval(() => {}, 1 << 30);
