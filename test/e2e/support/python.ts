// Runs Python unittest modules of test/python against a running server. Python gets the
// server's URL, database and credentials in environment variables (RPC_URL, RPC_DB, RPC_LOGIN,
// RPC_PASSWORD, RPC_MASTER_PASSWORD); the jest test fails when Python fails, showing its output.
import { spawn } from 'node:child_process';
import { join } from 'node:path';

export const PYTHON_DIR = join(__dirname, '..', '..', 'python');

export interface PythonTarget {
  url: string;
  db: string;
  login: string;
  password: string;
  masterPassword?: string;
  /** Anything else the module reads (e.g. RPC_BACKEND). */
  env?: Record<string, string>;
  /** The interpreter: `python3` on PATH by default; Debian's `/usr/bin/python3` has python3-odoorpc. */
  python?: string;
}

export interface PythonRun {
  code: number | null;
  output: string;
}

/** `python3 -m unittest -v <modules...>` in test/python, standard library only. */
export function runPython(modules: string[], target: PythonTarget, timeoutMs = 120_000): Promise<PythonRun> {
  return new Promise((resolve, reject) => {
    // Python's clients leave keep-alive sockets to the garbage collector: their warnings are noise.
    const child = spawn(target.python ?? 'python3', ['-W', 'ignore::ResourceWarning', '-m', 'unittest', '-v', ...modules], {
      cwd: PYTHON_DIR,
      env: {
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        PYTHONDONTWRITEBYTECODE: '1',
        PYTHONUNBUFFERED: '1',
        RPC_URL: target.url,
        RPC_DB: target.db,
        RPC_LOGIN: target.login,
        RPC_PASSWORD: target.password,
        RPC_MASTER_PASSWORD: target.masterPassword ?? '',
        ...target.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => { output += d.toString('utf8'); });
    child.stderr.on('data', (d: Buffer) => { output += d.toString('utf8'); });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (e) => { clearTimeout(timer); reject(e); });
    child.on('close', (code) => { clearTimeout(timer); resolve({ code, output }); });
  });
}

/** Runs the modules and fails the current jest test unless every Python test passed. */
export async function expectPythonPasses(modules: string[], target: PythonTarget): Promise<string> {
  const run = await runPython(modules, target);
  // Python's report is printed either way: it is the useful part of a failure.
  process.stdout.write(`\n--- python3 -m unittest ${modules.join(' ')} (exit ${run.code}) ---\n${run.output}\n`);
  if (run.code !== 0) throw new Error(`Python tests failed (exit ${run.code}):\n${run.output}`);
  if (!/\nOK( \(|\n|$)/.test(run.output)) throw new Error(`Python did not report OK:\n${run.output}`);
  return run.output;
}
