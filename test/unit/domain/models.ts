// Hand-made models for the domain tests: a category tree, tags, and partners that use every
// field kind the domain language treats differently.
import { CallError } from '../../../src/errors';
import { boolean, char, date, datetime, float, integer, many2many, many2one, one2many, password, selection, text, type FieldDef } from '../../../src/orm/define';
import type { DomainModel, DomainParseContext } from '../../../src/orm/domain';

function named(fields: Record<string, FieldDef>): Record<string, FieldDef> {
  return Object.fromEntries(Object.entries(fields).map(([k, f]) => [k, { ...f, name: k }]));
}

export const CATEGORY: DomainModel = {
  name: 'test.category', table: 'test_category', order: 'name', recName: 'name', parentName: 'parent_id',
  fields: named({
    name: char(),
    active: boolean(),
    parent_id: many2one('test.category'),
    child_ids: one2many('test.category', 'parent_id'),
  }),
};

export const TAG: DomainModel = {
  name: 'test.tag', table: 'test_tag', order: 'name desc', recName: 'name', parentName: 'parent_id',
  fields: named({ name: char(), active: boolean(), color: integer() }),
};

export const PARTNER: DomainModel = {
  name: 'test.partner', table: 'test_partner', order: 'category_id, name, id', recName: 'name', parentName: 'parent_id',
  fields: named({
    name: char(),
    ref: char(),
    note: text(),
    active: boolean(),
    is_company: boolean(),
    birthday: date(),
    last_seen: datetime(),
    credit: float(),
    visits: integer(),
    kind: selection([['person', 'Person'], ['company', 'Company']]),
    category_id: many2one('test.category'),
    parent_id: many2one('test.partner'),
    child_ids: one2many('test.partner', 'parent_id'),
    tag_ids: many2many('test.tag', { relation: 'test_partner_tag_rel', column1: 'partner_id', column2: 'tag_id' }),
    category_ids: many2many('test.category', { relation: 'test_partner_category_rel', column1: 'partner_id', column2: 'category_id' }),
    secret: password(),
    display: char({ compute: async () => new Map(), store: false }),
    category_name: char({ related: 'category_id.name' }),
  }),
};

export const MODELS: DomainModel[] = [CATEGORY, TAG, PARTNER];

export function getModel(name: string): DomainModel {
  const m = MODELS.find((x) => x.name === name);
  if (!m) throw new CallError(`Object ${name} doesn't exist`);
  return m;
}

export function parseCtx(over: Partial<DomainParseContext> = {}): DomainParseContext {
  return { getModel, negativeOpsIncludeNull: false, activeTest: true, ...over };
}
