// A local S3-compatible server (s3rver) in its own process, so a test's memory figures are the client's alone.
// Prints {"port":N} once it listens on a free loopback port; stops when its parent closes stdin or exits.
import S3rver from "s3rver";

const directory = process.argv[2];
const server = new S3rver({ address: "127.0.0.1", port: 0, silent: true, directory, configureBuckets: [] });
const { port } = await server.run();
process.stdout.write(`${JSON.stringify({ port })}\n`);
const stop = () => server.close().finally(() => process.exit(0));
process.stdin.on("end", stop);
process.stdin.resume();
process.on("SIGTERM", stop);
