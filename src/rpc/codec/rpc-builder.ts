// Builds XML-RPC values from parser events, one frame per open element, with no recursion
// and no tree: memory and time stay linear in the body. Enforces the grammar and the limits.
import { newStruct, RpcStruct, RpcValue } from '../../values';
import { limitError, structureError, valueError } from './codec-errors';
import { childKind, FORBIDDEN_MEMBER_NAMES, holdsText, Kind, SCALARS, ScalarReader } from './grammar';
import { CodecLimits } from './limits';
import { trimXmlSpace } from './scalars';

export type RootTag = 'methodCall' | 'methodResponse';
export type Where = () => { line: number; column: number };

/** One open element. Frames are reused by depth, so a large body allocates no frames. */
class Frame {
  kind: Kind = 'value';
  tag = '';
  reader: ScalarReader | null = null;
  children = 0;
  text = '';
  value: RpcValue = null;
  items: RpcValue[] | null = null;
  struct: RpcStruct | null = null;
  name = '';

  reset(kind: Kind, tag: string, reader: ScalarReader | null): void {
    this.kind = kind;
    this.tag = tag;
    this.reader = reader;
    this.children = 0;
    this.text = '';
    this.value = null;
    this.items = kind === 'data' || kind === 'params' ? [] : null;
    this.struct = kind === 'struct' ? newStruct() : null;
    this.name = '';
  }
}

function isXmlSpaceOnly(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x0a && c !== 0x09 && c !== 0x0d) return false;
  }
  return true;
}

const shown = (tag: string) => (tag.length > 40 ? `${tag.slice(0, 40)}...` : tag);

export class RpcBuilder {
  methodName: string | null = null;
  params: RpcValue[] | null = null;
  fault: RpcValue | undefined = undefined;
  private readonly frames: Frame[] = [];
  private openCount = 0; // frames[0 .. openCount - 1] are the open elements
  private elements = 0;
  private nesting = 0; // open arrays and structs

  constructor(
    private readonly root: RootTag,
    private readonly limits: CodecLimits,
    private readonly where: Where,
  ) {}

  open(tag: string): void {
    if (++this.elements > this.limits.maxElements) {
      throw limitError(`too many XML elements (limit ${this.limits.maxElements})`);
    }
    const parent = this.openCount > 0 ? this.frames[this.openCount - 1] : undefined;
    let kind: Kind | undefined;
    if (parent === undefined) {
      kind = tag === this.root ? this.root : undefined;
      if (kind === undefined) throw this.structure(`expected <${this.root}>, got <${shown(tag)}>`);
    } else {
      kind = childKind(parent.kind, tag, parent.children);
      if (kind === undefined) throw this.structure(`unexpected <${shown(tag)}> in <${parent.tag}>`);
      if (parent.kind === 'value') this.checkNoTextBeside(parent);
      parent.children += 1;
    }
    if ((kind === 'array' || kind === 'struct') && ++this.nesting > this.limits.maxDepth) {
      throw limitError(`arrays and structs nested too deeply (limit ${this.limits.maxDepth})`);
    }
    let frame = this.frames[this.openCount];
    if (frame === undefined) {
      frame = new Frame();
      this.frames.push(frame);
    }
    frame.reset(kind, tag, kind === 'scalar' ? SCALARS.get(tag) ?? null : null);
    this.openCount += 1;
  }

  text(text: string): void {
    if (this.openCount === 0) return; // outside the root the XML parser refuses all but whitespace
    const top = this.frames[this.openCount - 1];
    if (holdsText(top.kind)) {
      if (top.text.length + text.length > this.limits.maxStringLength) {
        throw limitError(`string too long (limit ${this.limits.maxStringLength} characters)`);
      }
      top.text += text;
    } else if (!isXmlSpaceOnly(text)) {
      throw this.structure(`text is not allowed in <${top.tag}>`);
    }
  }

  close(): void {
    if (this.openCount === 0) return;
    this.openCount -= 1;
    const frame = this.frames[this.openCount];
    const parent = this.openCount > 0 ? this.frames[this.openCount - 1] : undefined;
    switch (frame.kind) {
      case 'scalar':
        return deliver(parent, (frame.reader as ScalarReader)(frame.text));
      case 'nil':
        return deliver(parent, null);
      case 'value':
        if (frame.children === 0) return deliver(parent, frame.text);
        this.checkNoTextBeside(frame);
        return deliver(parent, frame.value);
      case 'data':
        return deliver(parent, frame.items);
      case 'array':
      case 'struct':
        if (frame.kind === 'array' && frame.children === 0) throw this.structure('<array> without <data>');
        this.nesting -= 1;
        return deliver(parent, frame.kind === 'array' ? frame.value : frame.struct);
      case 'name':
        return this.closeName(frame, parent as Frame);
      case 'member':
        if (frame.children < 2) throw this.structure('<member> needs a <name> and a <value>');
        ((parent as Frame).struct as RpcStruct)[frame.name] = frame.value; // a repeated name: last wins
        return;
      case 'param':
      case 'fault':
        if (frame.children === 0) throw this.structure(`<${frame.tag}> without <value>`);
        if (frame.kind === 'fault') this.fault = frame.value;
        else deliver(parent, frame.value);
        return;
      case 'params':
        if (this.root === 'methodResponse' && (frame.items as RpcValue[]).length !== 1) {
          throw this.structure('a response carries exactly one <param>');
        }
        this.params = frame.items;
        return;
      case 'methodName':
        return this.closeMethodName(frame);
      case 'methodCall':
        if (this.methodName === null) throw this.structure('<methodCall> without <methodName>');
        return;
      case 'methodResponse':
        if (frame.children === 0) throw this.structure('<methodResponse> without <params> or <fault>');
        return;
    }
  }

  private closeName(frame: Frame, parent: Frame): void {
    const name = frame.text;
    if (FORBIDDEN_MEMBER_NAMES.has(name)) throw valueError(`struct member name '${name}' is not allowed`);
    parent.name = name;
  }

  private closeMethodName(frame: Frame): void {
    const name = trimXmlSpace(frame.text);
    if (name === '') throw this.structure('empty <methodName>');
    if (/[\s\x00-\x1f]/.test(name)) throw this.structure('<methodName> contains whitespace');
    this.methodName = name;
  }

  /** A `<value>` holds text or one typed element, never both (no mixed content). */
  private checkNoTextBeside(frame: Frame): void {
    if (!isXmlSpaceOnly(frame.text)) throw this.structure(`mixed content in <${frame.tag}>`);
    frame.text = '';
  }

  private structure(reason: string) {
    const { line, column } = this.where();
    return structureError(reason, line, column);
  }
}

function deliver(parent: Frame | undefined, value: RpcValue): void {
  if (parent === undefined) return;
  if (parent.items !== null) parent.items.push(value);
  else parent.value = value;
}
