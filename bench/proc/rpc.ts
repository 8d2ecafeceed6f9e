/**
 * The child side of the benchmark's IPC: numbered requests in, one reply each. A child registers its commands
 * and calls `serveRpc`; `ping` and `exit` come for free. Errors travel as their message only.
 */
export interface RpcRequest {
  id: number;
  command: string;
  args?: unknown;
}

export type RpcReply = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: string };

export type RpcCommands = Record<string, (args: unknown) => unknown>;

export function serveRpc(commands: RpcCommands, onExit: () => Promise<void> = async () => {}): void {
  if (!process.send) throw new Error('This file runs as a benchmark child process (spawned with an IPC channel)');
  const reply = (message: RpcReply) => process.send?.(message);
  process.on('message', async (message: RpcRequest) => {
    const { id, command, args } = message;
    if (command === 'exit') {
      await onExit().catch(() => undefined);
      reply({ id, ok: true, result: null });
      // Let the reply flush before the channel closes.
      setImmediate(() => process.exit(0));
      return;
    }
    const handler = command === 'ping' ? () => 'pong' : commands[command];
    if (!handler) {
      reply({ id, ok: false, error: `unknown command ${command}` });
      return;
    }
    try {
      reply({ id, ok: true, result: await handler(args) });
    } catch (error) {
      reply({ id, ok: false, error: error instanceof Error ? error.message : String(error) });
    }
  });
  // A parent that dies must not leave a server behind.
  process.on('disconnect', () => {
    onExit()
      .catch(() => undefined)
      .finally(() => process.exit(0));
  });
}

/** Peak and current resident memory of this process, in MB. */
export function memory(): { peakRssMb: number; rssMb: number } {
  return { peakRssMb: process.resourceUsage().maxRSS / 1024, rssMb: process.memoryUsage.rss() / 1_048_576 };
}
