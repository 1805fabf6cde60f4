// Bounds on what one XML-RPC body may cost us. The transport enforces maxBodyBytes before
// buffering; the parser checks every limit again so it is safe on its own.

export interface CodecLimits {
  /** Largest body accepted, in bytes. */
  maxBodyBytes: number;
  /** Deepest nesting of arrays and structs (a top-level array is depth 1). */
  maxDepth: number;
  /** Most XML elements in one body, envelope included. */
  maxElements: number;
  /** Longest text of one scalar, member name or method name, in UTF-16 code units. */
  maxStringLength: number;
}

export const DEFAULT_CODEC_LIMITS: Readonly<CodecLimits> = Object.freeze({
  maxBodyBytes: 10 * 1024 * 1024,
  maxDepth: 64,
  maxElements: 1_000_000,
  maxStringLength: 10 * 1024 * 1024,
});

export function resolveLimits(limits?: Partial<CodecLimits>): CodecLimits {
  if (limits === undefined) return DEFAULT_CODEC_LIMITS;
  return { ...DEFAULT_CODEC_LIMITS, ...stripUndefined(limits) };
}

function stripUndefined(limits: Partial<CodecLimits>): Partial<CodecLimits> {
  const out: Partial<CodecLimits> = {};
  for (const key of Object.keys(limits) as (keyof CodecLimits)[]) {
    const v = limits[key];
    if (v !== undefined) out[key] = v;
  }
  return out;
}
