/** Starts scripts/bench/server.ts as a child process and calls it over IPC. */
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

export interface ServerReady {
  port: number;
  startupMs: number;
  stages: string[];
  pid: number;
  node: string;
}

export class ServerProcess {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private exited = false;

  private constructor(private readonly child: ChildProcess, readonly ready: ServerReady) {}

  static start(options: { dataDir: string; pipeline: 'configured' | 'off'; profileDir?: string }): Promise<ServerProcess> {
    const child = fork(path.join(here, 'server.ts'), [], {
      execArgv: process.execArgv,
      env: { ...process.env, HAVEN_BENCH_SERVER: JSON.stringify(options) },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error('bench server did not start within 120 s'));
      }, 120_000);
      const onExit = (code: number | null) => {
        clearTimeout(timer);
        reject(new Error(`bench server exited during start (code ${code})`));
      };
      child.once('exit', onExit);
      child.once('message', (message: { id: number; ok: boolean; result: ServerReady; error?: string }) => {
        clearTimeout(timer);
        child.off('exit', onExit);
        if (!message.ok) return reject(new Error(message.error));
        const server = new ServerProcess(child, message.result);
        child.on('message', (m: { id: number; ok: boolean; result?: unknown; error?: string }) => server.settle(m));
        child.on('exit', () => {
          server.exited = true;
          for (const p of server.pending.values()) p.reject(new Error('bench server exited'));
          server.pending.clear();
        });
        resolve(server);
      });
    });
  }

  private settle(m: { id: number; ok: boolean; result?: unknown; error?: string }) {
    const p = this.pending.get(m.id);
    if (!p) return;
    this.pending.delete(m.id);
    if (m.ok) p.resolve(m.result);
    else p.reject(new Error(m.error));
  }

  call<T>(cmd: string, args?: unknown, timeoutMs = 600_000): Promise<T> {
    if (this.exited) return Promise.reject(new Error('bench server has exited'));
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`bench server: ${cmd} timed out`));
      }, timeoutMs);
      this.pending.set(id, {
        resolve: (v) => { clearTimeout(timer); resolve(v as T); },
        reject: (e) => { clearTimeout(timer); reject(e); },
      });
      this.child.send({ id, cmd, ...(args !== undefined ? { args } : {}) });
    });
  }

  /** Closes the app and waits for the process to exit (so a CPU profile is written). */
  async close(): Promise<void> {
    if (this.exited) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    await this.call('close', undefined, 30_000).catch(() => undefined);
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 30_000);
    await exited;
    clearTimeout(timer);
  }

  kill(): void {
    if (!this.exited) this.child.kill('SIGKILL');
  }
}
