// The transport-agnostic dispatcher: (service, method, params, profile) -> result or fault.
// Every call, good or bad, ends in exactly one log line and never escapes as an exception.
import { performance } from 'node:perf_hooks';
import { AppError, CallError, InternalError, UnavailableError } from '../errors';
import type { Logger } from '../logger';
import type { RpcValue } from '../values';
import { parseMethodCall, serializeFault, serializeResponse } from './codec';
import type { CodecLimits } from './codec';
import { asAppError, badRouteFault, Fault, faultFor, newRef } from './faults';
import type { Route } from './routes';
import type { CallLog, Profile, Service, ServiceCall } from './services/types';

export interface DispatchRequest {
  service: string;
  method: string;
  params: RpcValue[];
  profile: Profile;
  ip: string;
}

export type DispatchOutcome = { ok: true; value: RpcValue } | { ok: false; fault: Fault; error: AppError };

export interface DispatcherOptions {
  services: Record<string, Service>;
  logger: Logger;
  debugFaults: boolean;
  limits?: Partial<CodecLimits>;
}

export interface Dispatcher {
  /** Runs one call on already-decoded values. */
  dispatch(req: DispatchRequest): Promise<DispatchOutcome>;
  /** Decodes an XML-RPC body for a route, runs it, and returns the XML answer (a fault included). */
  handle(route: Route, body: Buffer, ip: string): Promise<string>;
  /**
   * Runs other transports' work (JSON-RPC web routes) like a call: counted, logged once, and any
   * throw turned into an AppError. `label` names the work in the log line.
   */
  run<T>(profile: Profile, ip: string, label: { service: string; method: string }, work: (call: ServiceCall) => Promise<T>):
    Promise<{ ok: true; value: T } | { ok: false; fault: Fault; error: AppError }>;
  /** Calls currently running (graceful stop waits for them). */
  inFlight(): number;
}

/** Names from the wire are echoed in faults; keep them to a readable length. */
function shown(name: string): string {
  return name.length > 120 ? `${name.slice(0, 120)}...` : name;
}

/** The 7.0 answer to a method a service does not have (each service words it its own way). */
function unknownMethod(service: string, method: string): CallError {
  if (service === 'object') return new CallError(`Method not available ${shown(method)}`, 'NameError');
  return new CallError(`Method not found: ${shown(method)}`, service === 'common' ? 'Exception' : 'KeyError');
}

/** An outage is logged on one line: the driver's words (and code), never a stack. */
function reasonOf(cause: unknown): string {
  const e = cause as { message?: unknown; code?: unknown } | undefined;
  const message = typeof e?.message === 'string' && e.message !== '' ? e.message : String(cause);
  const code = typeof e?.code === 'string' ? ` (${e.code})` : '';
  return `${message.split('\n')[0].slice(0, 200)}${code}`;
}

class FieldLog implements CallLog {
  readonly fields: Record<string, unknown> = {};
  set(fields: Record<string, unknown>): void {
    Object.assign(this.fields, fields);
  }
}

export function createDispatcher(opts: DispatcherOptions): Dispatcher {
  const { services, logger, debugFaults } = opts;
  let running = 0;

  async function invoke(service: string, method: string, params: RpcValue[], call: ServiceCall): Promise<RpcValue> {
    call.log.set({ service: shown(service), method: shown(method) });
    if (!Object.prototype.hasOwnProperty.call(services, service)) throw new CallError(shown(service), 'KeyError');
    const svc = services[service];
    const fn = Object.prototype.hasOwnProperty.call(svc, method) ? svc[method] : undefined;
    if (typeof fn !== 'function') throw unknownMethod(service, method);
    const value = await fn(call, params);
    return value ?? false;
  }

  /** Runs `work` with a fresh call frame, logs the outcome once, and turns any throw into a fault. */
  async function track<T>(profile: Profile, ip: string, work: (call: ServiceCall) => Promise<T>):
    Promise<{ ok: true; value: T } | { ok: false; fault: Fault; error: AppError }> {
    running += 1;
    const started = performance.now();
    const log = new FieldLog();
    const call: ServiceCall = { profile, ip, requestId: newRef(), log };
    try {
      const value = await work(call);
      logLine('info', 'ok', log, call, started);
      return { ok: true, value };
    } catch (thrown) {
      const error = asAppError(thrown);
      const internal = error instanceof InternalError;
      if (error instanceof UnavailableError) log.set({ reason: reasonOf(error.cause) });
      const level = internal ? 'error' : error instanceof UnavailableError ? 'warn' : 'info';
      logLine(level, error.kind, log, call, started, internal ? error : undefined);
      return { ok: false, fault: faultFor(error, profile, { debugFaults }), error };
    } finally {
      running -= 1;
    }
  }

  function logLine(level: string, outcome: string, log: FieldLog, call: ServiceCall, started: number,
    internal?: InternalError): void {
    const fields = log.fields;
    const { service = '?', method = '?' } = fields;
    const ms = (performance.now() - started).toFixed(1);
    const cause = internal?.cause;
    // Built key by key in the order the line prints them: name, the call's own fields, ip, ref.
    const meta: Record<string, unknown> = { name: 'rpc' };
    for (const key in fields) {
      if (key !== 'service' && key !== 'method') meta[key] = fields[key];
    }
    meta.ip = call.ip;
    meta.ref = internal ? internal.ref : call.requestId;
    if (cause instanceof Error) meta.stack = cause.stack;
    else if (cause !== undefined) meta.cause = String(cause);
    logger.log(level, `${call.profile} ${String(service)}.${String(method)} ${outcome} ${ms}ms`, meta);
  }

  return {
    dispatch: (req) => track(req.profile, req.ip, (call) => invoke(req.service, req.method, req.params, call)),

    async handle(route, body, ip) {
      const outcome = await track(route.profile, ip, async (call) => {
        const { methodName, params } = parseMethodCall(body, opts.limits);
        const bound = route.bind(methodName, params);
        if (!bound) {
          call.log.set({ method: shown(methodName), route: 'unroutable' });
          return serializeFault(badRouteFault().faultCode, badRouteFault().faultString);
        }
        // Serialising inside the tracked call: a value the codec refuses is a logged internal error.
        return serializeResponse(await invoke(bound.service, bound.method, bound.params, call));
      });
      return outcome.ok ? outcome.value : serializeFault(outcome.fault.faultCode, outcome.fault.faultString);
    },

    run: (profile, ip, label, work) => track(profile, ip, (call) => {
      call.log.set({ service: shown(label.service), method: shown(label.method) });
      return work(call);
    }),

    inFlight: () => running,
  };
}
