// Placeholder replaced below.
export function GraphScreen(_props: { action: unknown; model: string }) { return null; }
