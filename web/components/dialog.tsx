// A modal dialog (role "dialog", labelled by its title), and the fault dialog built on it:
// the server's message as plain text, never a stack; closing it leaves the page working.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { t } from '../i18n';
import { RpcError } from '../rpc';

let dialogSeq = 0;

export function Dialog(props: { title: string; onClose: () => void; children: ComponentChildren; actions: ComponentChildren; alert?: boolean }) {
  const ref = useRef<HTMLDivElement>(null);
  const id = useRef(`dialog-${++dialogSeq}`).current;
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    ref.current?.querySelector<HTMLElement>('button, input, textarea, select')?.focus();
    return () => previous?.focus?.();
  }, []);
  return (
    <div class="backdrop" onKeyDown={(e) => { if (e.key === 'Escape') props.onClose(); }}>
      <div class="dialog" role={props.alert ? 'alertdialog' : 'dialog'} aria-modal="true" aria-labelledby={`${id}-title`} ref={ref}>
        <h2 id={`${id}-title`}>{props.title}</h2>
        <div class="dialog-body">{props.children}</div>
        <div class="dialog-actions">{props.actions}</div>
      </div>
    </div>
  );
}

const FAULT_TITLES: Record<string, [string, string]> = {
  AccessError: ['Access error', 'Error de acceso'],
  AccessDenied: ['Access denied', 'Acceso denegado'],
  UserError: ['Warning', 'Aviso'],
  ValidationError: ['Validation error', 'Error de validación'],
  MissingError: ['Missing record', 'Registro inexistente'],
};

export function faultTitle(err: unknown, english: boolean): string {
  if (err instanceof RpcError) {
    const kind = err.data.name.split('.').pop() ?? '';
    const pair = FAULT_TITLES[kind];
    if (pair) return pair[english ? 0 : 1];
  }
  return t('error');
}

export function FaultDialog(props: { error: unknown; english: boolean; onClose: () => void }) {
  const message = props.error instanceof Error ? props.error.message : String(props.error);
  return (
    <Dialog title={faultTitle(props.error, props.english)} onClose={props.onClose}
      actions={<button type="button" class="primary" onClick={props.onClose}>{t('ok')}</button>}>
      <p class="fault-message">{message}</p>
    </Dialog>
  );
}

export function ConfirmDialog(props: { title: string; text: string; yes: string; no: string; onAnswer: (yes: boolean) => void }) {
  return (
    <Dialog title={props.title} onClose={() => props.onAnswer(false)}
      actions={<>
        <button type="button" onClick={() => props.onAnswer(false)}>{props.no}</button>
        <button type="button" class="primary" onClick={() => props.onAnswer(true)}>{props.yes}</button>
      </>}>
      <p>{props.text}</p>
    </Dialog>
  );
}
