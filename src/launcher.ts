// `node dist/src/main.js` started without a say on V8's young generation: V8 sizes it when the
// process starts, so the server runs again as a child process given the flag and the malloc arenas
// of src/v8-memory.ts, and this process only waits for it. The child shares the terminal and the
// process group (Ctrl-C and systemd's stop reach it directly); a signal sent to this process alone
// (docker stop, kill <pid>) is passed on over an IPC channel, which the child reads as one more
// request to stop, never as a second signal; SIGHUP is passed on as it is. This process exits with
// the child's code.
import { spawn } from 'node:child_process';
import { childEnv } from './v8-memory';

/** The environment variable that tells the child it was started by this launcher. */
export const LAUNCHED_VARIABLE = 'SERVER_LAUNCHED_BY';

/** Launcher -> child: stop gracefully (the launcher received `signal`). */
export interface LauncherMessage {
  kind: 'launcher-stop';
  signal: string;
}

export function isLauncherMessage(m: unknown): m is LauncherMessage {
  return typeof m === 'object' && m !== null && (m as { kind?: string }).kind === 'launcher-stop';
}

const EXIT_BY_SIGNAL: Record<string, number> = { SIGHUP: 129, SIGINT: 130, SIGKILL: 137, SIGTERM: 143 };

/** Runs this same script again with `extraNodeArgs` before it; resolves never (the process exits with the child). */
export function relaunch(extraNodeArgs: string[]): void {
  const child = spawn(process.execPath, [...process.execArgv, ...extraNodeArgs, process.argv[1], ...process.argv.slice(2)], {
    stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
    env: { ...childEnv(process.env), [LAUNCHED_VARIABLE]: String(process.pid) },
  });
  const pass = (signal: NodeJS.Signals) => {
    if (signal === 'SIGHUP') child.kill('SIGHUP');
    else if (child.connected) child.send({ kind: 'launcher-stop', signal } satisfies LauncherMessage);
  };
  for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) process.on(signal, () => pass(signal));
  child.on('error', (err) => {
    process.stderr.write(`The server could not start: ${err.message}\n`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? EXIT_BY_SIGNAL[signal] ?? 1 : 1)));
}
