// The problem form's on_change of the request category (OpenERP 7.0 style, called by clients
// as `onchange_request_category(ids, request_category, category)`): the category follows it,
// keeping the current one when it still fits, else the first that belongs to the new one.
import { newStruct, type RpcStruct } from '../../src/values';
import { PROBLEM_CATEGORIES_BY_REQUEST, problemCategoryFits } from './categories';

export function onchangeRequestCategory(requestCategory: unknown, category: unknown): RpcStruct {
  const allowed = PROBLEM_CATEGORIES_BY_REQUEST[String(requestCategory)] ?? [];
  const value = newStruct();
  value.category = problemCategoryFits(requestCategory, category) ? category as string : allowed[0] ?? false;
  const out = newStruct();
  out.value = value;
  return out;
}
