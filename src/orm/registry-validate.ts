// Load-time checks of model definitions: a mistake in a model stops the server when it starts,
// with a message naming the model and field, instead of failing later inside a request.
import { ValidationError } from '../errors';
import type { FieldDef } from './model-types';
import type { RuntimeModel } from './model-types';
import { fieldType, isKnownType, isPlainNameColumn } from './fields';
import { REGISTRY_ERROR } from './registry-order';

function fail(model: RuntimeModel, message: string): never {
  throw new ValidationError(`Model '${model.name}': ${message}`, REGISTRY_ERROR);
}

function checkSelection(model: RuntimeModel, f: FieldDef): void {
  const keys = (f.selection ?? []).map(([k]) => k);
  if (!keys.length) fail(model, `selection field '${f.name}' has no values`);
  const dup = keys.find((k, i) => keys.indexOf(k) !== i);
  if (dup !== undefined) fail(model, `selection field '${f.name}' has the key '${dup}' twice`);
  const d = f.default;
  if (d !== undefined && d !== false && d !== null && typeof d !== 'function' && !keys.includes(String(d))) {
    fail(model, `default '${String(d)}' of field '${f.name}' is not one of its selection keys`);
  }
}

function checkRelational(models: Map<string, RuntimeModel>, model: RuntimeModel, f: FieldDef): void {
  const co = f.comodel ? models.get(f.comodel) : undefined;
  if (!co) fail(model, `field '${f.name}' points to unknown model '${f.comodel ?? ''}'`);
  // A computed x2many has no storage of its own: no inverse column, no relation table.
  if (f.compute) return;
  const type = fieldType(f);
  if (type.x2many && !type.linkTable) {
    const inv = f.inverseName ? co.fields[f.inverseName] : undefined;
    if (!inv || !fieldType(inv).holdsId || inv.comodel !== model.name) {
      fail(model, `one2many '${f.name}' needs a many2one '${f.inverseName ?? ''}' to '${model.name}' on '${co.name}'`);
    }
  }
  if (type.linkTable && (!f.relation || !f.column1 || !f.column2)) {
    fail(model, `many2many '${f.name}' needs relation, column1 and column2`);
  }
}

function checkRelated(models: Map<string, RuntimeModel>, model: RuntimeModel, f: FieldDef): void {
  const path = (f.related ?? '').split('.');
  let current = model;
  path.forEach((name, i) => {
    const step = current.fields[name];
    if (!step) fail(model, `related field '${f.name}': unknown field '${name}' in '${f.related}'`);
    if (i < path.length - 1) {
      if (!fieldType(step).holdsId || !step.comodel || !models.get(step.comodel)) {
        fail(model, `related field '${f.name}': '${name}' in '${f.related}' is not a many2one`);
      }
      current = models.get(step.comodel)!;
    } else if (step.type !== f.type) {
      fail(model, `related field '${f.name}' is a ${f.type} but '${f.related}' is a ${step.type}`);
    }
  });
}

/** What a stored compute is made of: own stored fields, or one many2one step to a target's stored field. */
function checkStoredCompute(models: Map<string, RuntimeModel>, model: RuntimeModel, f: FieldDef): void {
  if (f.compute || f.related || f.store === false) fail(model, `stored compute '${f.name}' cannot be computed, related or not stored`);
  if (fieldType(f).x2many) fail(model, `stored compute '${f.name}' cannot be an x2many`);
  if (!f.storedCompute!.depends.length) fail(model, `stored compute '${f.name}' depends on nothing`);
  for (const path of f.storedCompute!.depends) {
    const [head, tail, ...rest] = path.split('.');
    const own = model.fields[head];
    const usable = (d: FieldDef | undefined) => d && !fieldType(d).x2many && !d.compute && !d.related && d.store !== false;
    if (!usable(own) || head === f.name || rest.length) fail(model, `stored compute '${f.name}' cannot depend on '${path}'`);
    if (tail === undefined) continue;
    const co = own!.comodel ? models.get(own!.comodel) : undefined;
    if (!fieldType(own!).holdsId || !co || !usable(co.fields[tail])) {
      fail(model, `stored compute '${f.name}' cannot depend on '${path}': not a stored field of a many2one's target`);
    }
  }
}

function checkOrder(model: RuntimeModel): void {
  for (const term of model.order.split(',')) {
    const name = term.trim().split(/\s+/)[0]?.replace(/"/g, '');
    if (name && !model.fields[name]) fail(model, `order '${model.order}' names unknown field '${name}'`);
  }
}

export function validateModels(models: Map<string, RuntimeModel>): void {
  for (const model of models.values()) {
    for (const f of Object.values(model.fields)) {
      if (!isKnownType(f.type)) fail(model, `field '${f.name}' has unknown type '${String(f.type)}'`);
      if (fieldType(f).hasChoices) checkSelection(model, f);
      if (fieldType(f).relational) checkRelational(models, model, f);
      if (f.related) checkRelated(models, model, f);
      if (f.compute && f.related) fail(model, `field '${f.name}' cannot be both computed and related`);
      if (f.storedCompute) checkStoredCompute(models, model, f);
      if (f.compute && f.store === true) {
        fail(model, `field '${f.name}' is computed and stored: declare it with storedCompute { depends, value }`);
      }
      if (f.trigramIndex && (!fieldType(f).textual || f.compute || f.related || f.store === false)) {
        fail(model, `field '${f.name}' has a trigram index but is not stored text`);
      }
    }
    if (model.recName !== 'id' && !model.fields[model.recName]) {
      fail(model, `recName '${model.recName}' is not a field`);
    }
    const shown = model.displayNameField === null ? null : model.fields[model.displayNameField];
    if (shown === undefined || (shown && !isPlainNameColumn(shown))) {
      fail(model, `displayNameField '${model.displayNameField!}' is not a stored char field`);
    }
    for (const c of model.sqlConstraints) {
      const unknown = c.unique.find((col) => !model.fields[col]);
      if (unknown) fail(model, `sql constraint '${c.name}' names unknown field '${unknown}'`);
    }
    for (const c of model.constraints) {
      const unknown = c.fields.find((name) => !model.fields[name]);
      if (unknown) fail(model, `constraint '${c.name}' names unknown field '${unknown}'`);
    }
    checkOrder(model);
  }
}
