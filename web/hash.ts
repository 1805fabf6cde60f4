// The page's address after '#': model, id, view_type, action, menu_id — a deep link that
// survives a reload and can be sent to a colleague.

export interface Route { action?: number; model?: string; id?: number; view_type?: string; menu_id?: number }

export function parseHash(hash: string): Route {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const num = (k: string): number | undefined => {
    const v = Number(params.get(k));
    return Number.isInteger(v) && v > 0 ? v : undefined;
  };
  return {
    action: num('action'), id: num('id'), menu_id: num('menu_id'),
    model: params.get('model') ?? undefined, view_type: params.get('view_type') ?? undefined,
  };
}

export function routeHash(r: Route): string {
  const params = new URLSearchParams();
  for (const k of ['action', 'model', 'id', 'view_type', 'menu_id'] as const) {
    if (r[k] !== undefined && r[k] !== '') params.set(k, String(r[k]));
  }
  return `#${params.toString()}`;
}

export function navigate(r: Route): void {
  window.location.hash = routeHash(r);
}
