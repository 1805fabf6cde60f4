// What every screen may ask of the application: the session, showing a fault, asking a
// question, and guarding unsaved changes before the page leaves a record.
import { createContext, type ComponentType } from 'preact';
import { useContext } from 'preact/hooks';
import type { SessionInfo } from '../rpc';

/** A form of `model` in a dialog, started from a typed name; `onDone` gets the record made, or null. */
export interface CreateDialogProps {
  model: string;
  name: string;
  onDone: (created: [number, string] | null) => void;
}

export interface Services {
  session: SessionInfo;
  /** Shows the fault dialog; the screen keeps working. */
  fault(err: unknown): void;
  confirm(title: string, text: string, yes: string, no: string): Promise<boolean>;
  /** A screen with unsaved changes registers a guard; navigation asks it first. */
  setLeaveGuard(guard: (() => boolean) | null): void;
  /** The ids of the list a form was opened from, for previous/next. */
  listIds: { model: string; ids: number[] } | null;
  setListIds(v: { model: string; ids: number[] } | null): void;
  changeLang(lang: string): void;
  /**
   * The "create and edit" dialog, handed down rather than imported: it holds a form, whose
   * many2one fields open it again.
   */
  CreateDialog: ComponentType<CreateDialogProps>;
}

export const ServicesContext = createContext<Services | null>(null);

export function useServices(): Services {
  const s = useContext(ServicesContext);
  if (!s) throw new Error('Services used outside the application');
  return s;
}
