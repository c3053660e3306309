// The server's log (the client's output channel). Logging never throws: the connection may be gone.
import type { Connection } from 'vscode-languageserver/node';

export class Log {
  constructor(private readonly connection: Connection) {}

  info(message: string): void {
    try {
      this.connection.console.log(`[yardstick] ${message}`);
    } catch {
      // the connection is gone; nothing to tell
    }
  }

  error(where: string, e: unknown): void {
    const err = e as Error;
    try {
      this.connection.console.error(`[yardstick] ${where} failed: ${err?.stack ?? err?.message ?? String(e)}`);
    } catch {
      // the connection is gone; nothing to tell
    }
  }
}
