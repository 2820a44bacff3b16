// Preloaded with `node --import` into a CLI under test: prints the process's
// peak resident memory (what GNU time's %M reports) as `peak-kb=N` on stderr
// when it exits, so memory bounds need no tool beyond Node.

process.on('exit', () => process.stderr.write(`peak-kb=${process.resourceUsage().maxRSS}\n`));
