// Reads the command line in Odoo's spelling: `-d db`, `--http-port=8069`, `--proxy-mode`, `-i mod`...
// Settings go to `values` (validated with the other sources); what to do at launch goes to `launch`.
import { OPTIONS, type OptionSpec } from './options';

export interface LaunchOptions {
  configFile: string | null;
  /** Modules to install (`-i`) and to update (`-u`) in the database of `-d`. */
  init: string[];
  update: string[];
  stopAfterInit: boolean;
  help: boolean;
  printConfig: boolean;
}

export interface CommandLine {
  /** Setting key -> [the flag as written, its value]. */
  values: Map<string, { flag: string; value: string }>;
  launch: LaunchOptions;
  problems: string[];
}

const LAUNCH_FLAGS: Record<string, keyof LaunchOptions> = {
  '-c': 'configFile', '--config': 'configFile',
  '-i': 'init', '--init': 'init', '-u': 'update', '--update': 'update',
  '--stop-after-init': 'stopAfterInit', '-h': 'help', '--help': 'help', '--print-config': 'printConfig',
};

function flagTable(): Map<string, { option: OptionSpec; negative: boolean }> {
  const table = new Map<string, { option: OptionSpec; negative: boolean }>();
  for (const option of OPTIONS) {
    const spellings = [`--${option.key}`, `--${option.key.replace(/_/g, '-')}`, ...(option.flags ?? [])];
    for (const flag of spellings) table.set(flag, { option, negative: false });
    if (option.negativeFlag) table.set(option.negativeFlag, { option, negative: true });
  }
  return table;
}

const moduleList = (v: string): string[] => v.split(',').map((m) => m.trim()).filter((m) => m !== '');

export function parseCommandLine(argv: string[]): CommandLine {
  const table = flagTable();
  const values = new Map<string, { flag: string; value: string }>();
  const launch: LaunchOptions = { configFile: null, init: [], update: [], stopAfterInit: false, help: false, printConfig: false };
  const problems: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    const inline = eq > 0 ? arg.slice(eq + 1) : undefined;
    // Boolean settings take no value, except `--flag=value`; the others take the next argument.
    const next = (): string | undefined => {
      if (inline !== undefined) return inline;
      if (i + 1 < argv.length) return argv[++i];
      problems.push(`${flag} needs a value`);
      return undefined;
    };
    const launchKey = LAUNCH_FLAGS[flag];
    if (launchKey === 'configFile') {
      launch.configFile = next() ?? null;
    } else if (launchKey === 'init' || launchKey === 'update') {
      launch[launchKey].push(...moduleList(next() ?? ''));
    } else if (launchKey) {
      launch[launchKey] = true;
    } else if (table.has(flag)) {
      const { option, negative } = table.get(flag)!;
      if (negative) values.set(option.key, { flag, value: 'false' });
      else if (option.type === 'boolean' || option.key === 'without_demo') values.set(option.key, { flag, value: inline ?? 'true' });
      else {
        const value = next();
        if (value !== undefined) values.set(option.key, { flag, value });
      }
    } else {
      problems.push(`unknown command-line argument "${arg}" (see --help)`);
    }
  }
  return { values, launch, problems };
}

/** The text of --help: every flag with what it sets. */
export function helpText(): string {
  const lines = [
    'Usage: node dist/src/main.js [options]',
    '',
    '  -c, --config FILE         read settings from FILE ([options] section, Odoo\'s key names); also CONFIG_FILE',
    '  -i, --init MODULES        install modules (comma-separated) into the database of -d, creating it when missing',
    '  -u, --update MODULES      update modules (comma-separated, or all) in the database of -d',
    '  --stop-after-init         stop once the databases are created, installed and updated',
    '  --print-config            print the settings in effect (secrets masked) and stop',
    '  -h, --help                this text',
    '',
    'Settings (flag > environment variable > config file > default):',
  ];
  for (const o of OPTIONS) {
    const flags = [...(o.flags ?? []), ...(o.negativeFlag ? [o.negativeFlag] : [])];
    const spelled = flags.length > 0 ? flags.join(', ') : `--${o.key.replace(/_/g, '-')}`;
    const arg = o.type === 'boolean' ? '' : ' VALUE';
    lines.push(`  ${`${spelled}${arg}`.padEnd(40)} ${o.key}${o.env ? ` / ${o.env}` : ''}: ${o.help}`);
  }
  return `${lines.join('\n')}\n`;
}
