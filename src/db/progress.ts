// What long database operations (backup, restore) have done so far, by database name, for
// `db.get_progress`: each operation reports units done out of a total as it streams.

export type OperationKind = 'backup' | 'restore';

export interface OperationState {
  kind: OperationKind;
  done: number;
  total: number;
}

export interface ProgressTracker {
  update(done: number, total: number): void;
  end(): void;
}

export class ProgressBoard {
  private readonly running = new Map<string, OperationState>();

  track(name: string, kind: OperationKind): ProgressTracker {
    const state: OperationState = { kind, done: 0, total: 0 };
    this.running.set(name, state);
    return {
      update: (done, total) => {
        state.done = done;
        state.total = total;
      },
      end: () => {
        if (this.running.get(name) === state) this.running.delete(name);
      },
    };
  }

  /** The share done (0 to 1) of the operation running on `name`, or null when none runs. */
  fraction(name: string): { kind: OperationKind; fraction: number } | null {
    const state = this.running.get(name);
    if (!state) return null;
    // An estimated total (a PostgreSQL dump's size) may be passed: never claim to be done early.
    const fraction = state.total > 0 ? Math.min(0.99, state.done / state.total) : 0;
    return { kind: state.kind, fraction };
  }
}
