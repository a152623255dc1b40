// Entry point of the built team server (out/server/server.js): the CLI with this
// process's arguments, streams and signals. The Node version is checked before anything
// loads better-sqlite3, whose binary crashes (rather than failing) on older Node.
const major = Number(process.versions.node.split('.')[0])
if (major < 22) {
  process.stderr.write(`The Stint server needs Node.js 22 or newer; this is Node.js ${process.versions.node}. Run it with \`npm run server\`, which uses the project's Node 22.\n`)
  process.exit(1)
}
const { processIo, runCli } = await import('./cli')
process.exitCode = await runCli(process.argv.slice(2), processIo)

export {} // a module, for the top-level awaits
