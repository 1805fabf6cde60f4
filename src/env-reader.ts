// Reading settings from environment variables: trimmed text, whole numbers in a range, booleans.
// A bad value is added to `problems` (so that every one is reported at once) and its fallback used.

export type EnvVars = Record<string, string | undefined>;

export interface EnvReader {
  /** The trimmed value; unset and blank are both undefined. */
  raw(name: string): string | undefined;
  int(name: string, fallback: number, min: number, max?: number): number;
  /** 1/true/yes/on or 0/false/no/off, in any case. */
  bool(name: string, fallback: boolean): boolean;
}

export function envReader(env: EnvVars, problems: string[]): EnvReader {
  const raw = (name: string): string | undefined => {
    const v = env[name];
    return v === undefined || v.trim() === '' ? undefined : v.trim();
  };
  return {
    raw,
    int(name, fallback, min, max = Number.MAX_SAFE_INTEGER) {
      const v = raw(name);
      if (v === undefined) return fallback;
      if (!/^\d+$/.test(v) || Number(v) < min || Number(v) > max) {
        problems.push(`${name} must be a whole number from ${min} to ${max} (got "${v}")`);
        return fallback;
      }
      return Number(v);
    },
    bool(name, fallback) {
      const v = raw(name)?.toLowerCase();
      if (v === undefined) return fallback;
      if (['1', 'true', 'yes', 'on'].includes(v)) return true;
      if (['0', 'false', 'no', 'off'].includes(v)) return false;
      problems.push(`${name} must be true or false (got "${v}")`);
      return fallback;
    },
  };
}
