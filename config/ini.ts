// Reads a config file in Odoo's INI form: `key = value` lines of the `[options]` section, `;` and
// `#` comments. Other sections are not ours and are skipped; lines that are not `key = value` are problems.

export interface IniEntry {
  value: string;
  line: number;
}

export interface IniFile {
  options: Map<string, IniEntry>;
  problems: string[];
}

export function parseIni(text: string, fileName: string): IniFile {
  const options = new Map<string, IniEntry>();
  const problems: string[] = [];
  let section: string | null = null;
  text.split(/\r?\n/).forEach((rawLine, index) => {
    const line = rawLine.trim();
    if (line === '' || line.startsWith(';') || line.startsWith('#')) return;
    const header = /^\[([^\]]+)\]$/.exec(line);
    if (header) {
      section = header[1].trim();
      return;
    }
    // Indented lines continue the previous value in Python's configparser; Odoo writes none.
    const pair = /^([^=:\s][^=:]*?)\s*[=:]\s?(.*)$/.exec(line);
    if (!pair) {
      problems.push(`${fileName} line ${index + 1}: expected "key = value" (got "${line}")`);
      return;
    }
    if (section === null) {
      problems.push(`${fileName} line ${index + 1}: "${pair[1]}" comes before the [options] section`);
      return;
    }
    if (section === 'options') options.set(pair[1].trim(), { value: pair[2].trim(), line: index + 1 });
  });
  if (section === null && problems.length === 0) problems.push(`${fileName} has no [options] section`);
  return { options, problems };
}
