// message_new and message_update of a thread model (7.0 signatures): how a record is made from
// an email, and what an answer changes on it. Models give their own mapping through the thread
// options; the defaults are OpenERP's (the subject names the new record, a reply changes nothing).
import type { MethodDef } from '../orm/define';
import type { Env } from '../orm/env-types';
import { CallError } from '../errors';
import { runtimeModel } from './tracking';
import type { MsgDict } from './inbound-process';

export type MessageNewFn = (env: Env, msg: MsgDict, customValues: Record<string, unknown>) => Promise<number>;
export type MessageUpdateFn = (env: Env, ids: number[], msg: MsgDict, updateVals: Record<string, unknown>) => Promise<void>;

export interface EmailHandlers {
  messageNew?: MessageNewFn;
  messageUpdate?: MessageUpdateFn;
}

function dict(value: unknown, what: string): Record<string, unknown> {
  if (value === undefined || value === null || value === false) return {};
  if (typeof value !== 'object' || Array.isArray(value)) throw new CallError(`${what} must be a dictionary`, 'TypeError');
  return { ...(value as Record<string, unknown>) };
}

function asMsgDict(value: unknown): MsgDict {
  const d = dict(value, 'msg_dict');
  const str = (k: string) => (typeof d[k] === 'string' ? d[k] as string : '');
  return {
    message_id: str('message_id') || false, subject: str('subject'), from: str('from'), email_from: str('email_from'),
    to: str('to'), author_id: Number.isInteger(d.author_id) ? d.author_id as number : false,
    body: str('body'), body_text: str('body_text'), date: str('date') || false,
    parent_id: Number.isInteger(d.parent_id) ? d.parent_id as number : false,
  };
}

async function defaultMessageNew(env: Env, model: string, msg: MsgDict, custom: Record<string, unknown>): Promise<number> {
  const name = runtimeModel(env, model).fields.name;
  const vals: Record<string, unknown> = name && !name.readonly && msg.subject ? { name: msg.subject } : {};
  return env.model(model).create({ ...vals, ...custom });
}

export function emailMethods(model: string, handlers: EmailHandlers = {}): Record<string, MethodDef> {
  return {
    message_new: {
      params: ['msg_dict', 'custom_values', 'context'],
      required: ['msg_dict'],
      fn: async (env, a) => {
        const msg = asMsgDict(a.msg_dict);
        const custom = dict(a.custom_values, 'custom_values');
        return handlers.messageNew ? handlers.messageNew(env, msg, custom) : defaultMessageNew(env, model, msg, custom);
      },
    },
    message_update: {
      params: ['ids', 'msg_dict', 'update_vals', 'context'],
      fn: async (env, a) => {
        const ids = a.ids as number[];
        const vals = dict(a.update_vals, 'update_vals');
        if (handlers.messageUpdate) await handlers.messageUpdate(env, ids, asMsgDict(a.msg_dict), vals);
        else if (Object.keys(vals).length) await env.model(model).write(ids, vals);
        return true;
      },
    },
  };
}
