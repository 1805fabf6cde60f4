// mail.thread: the entry point of the mail gateway. `message_process` takes a raw RFC 822
// message (text or binary), as OpenERP 7.0's openerp_mailgate.py sends it, and returns the id
// of the record it went to (False when it was dropped).
import { defineModel } from '../../src/orm/define';
import { processMessage, rawMessage } from '../../src/mail/define';

const optionalDict = (v: unknown): Record<string, unknown> =>
  (v && typeof v === 'object' && !Array.isArray(v) ? { ...(v as Record<string, unknown>) } : {});

export default defineModel({
  name: 'mail.thread',
  description: 'Email Thread',
  fields: {},
  methods: {
    message_process: {
      params: ['model', 'message', 'custom_values', 'save_original', 'strip_attachments', 'thread_id', 'context'],
      required: ['message'],
      fn: (env, a) => processMessage(env, rawMessage(a.message), {
        model: typeof a.model === 'string' && a.model ? a.model : null,
        customValues: optionalDict(a.custom_values),
        saveOriginal: a.save_original === true,
        stripAttachments: a.strip_attachments === true,
        threadId: Number.isInteger(a.thread_id) ? a.thread_id as number : null,
      }),
    },
  },
});
