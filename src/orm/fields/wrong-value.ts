// The errors a field raises for a value it cannot store, in Odoo's words.
import { CallError, ValidationError } from '../../errors';
import { pyRepr } from '../py-repr';
import type { FieldDef } from '../model-types';

/** `ValueError: Wrong value for res.partner.type: 'bogus'` (fault 1 in Odoo). */
export function wrongValue(model: string, field: FieldDef, value: unknown): CallError {
  return new CallError(`Wrong value for ${model}.${field.name}: ${pyRepr(value)}`, 'ValueError');
}

/** Python's strptime message for a date or datetime string in the wrong format. */
export function badDateFormat(value: unknown, format: string): CallError {
  return new CallError(`time data ${pyRepr(value)} does not match format '${format}'`, 'ValueError');
}

export function tooLong(model: string, field: FieldDef, length: number): ValidationError {
  return new ValidationError(
    `The value for the field '${model}.${field.name}' is too long: ${length} characters, at most ${field.size} allowed.`,
  );
}
