// The pure rules behind the helpdesk hooks: which problem categories fit which request category,
// what an x2many command list would leave linked, and which words a related-request search uses.
import { problemCategoryFits } from '../../../models/helpdesk_general/categories';
import { linkedAfter, touchedIds } from '../../../models/helpdesk_master/x2many-commands';
import { searchTerms } from '../../../models/helpdesk_master/search-terms';

describe('problem categories (manual table 4)', () => {
  it.each([
    ['technical', ['configuration', 'installation', 'performance', 'acquisition'], ['operation', 'logic']],
    ['functional', ['operation', 'configuration', 'documentation', 'data'], ['installation', 'interface']],
    ['development', ['interface', 'logic', 'data_access'], ['data', 'configuration']],
  ])('%s requests', (request, fits, misfits) => {
    for (const c of fits) expect(problemCategoryFits(request, c)).toBe(true);
    for (const c of misfits) expect(problemCategoryFits(request, c)).toBe(false);
  });
  it('refuses a problem without a request category', () => {
    expect(problemCategoryFits(false, 'data')).toBe(false);
  });
});

describe('x2many commands', () => {
  it.each([
    [[1, 2], [[6, 0, [2, 3]]], [2, 3], [1, 3]],
    [[1, 2], [[6, 0, [2, 1]]], [1, 2], []],
    [[1], [[4, 5], [3, 1]], [5], [1, 5]],
    [[1, 2], [[5]], [], [1, 2]],
    [[1], [[2, 1]], [], [1]],
    [[1], [2, 3], [2, 3], [1, 2, 3]],
  ])('%j with %j leaves %j linked and touches %j', (current, commands, after, touched) => {
    expect(linkedAfter(current as number[], commands)).toEqual(after);
    expect(touchedIds(current as number[], commands)?.sort()).toEqual(touched);
  });
  it('cannot tell what commands that create or edit records leave', () => {
    expect(linkedAfter([1], [[0, 0, { name: 'x' }]])).toBeNull();
    expect(linkedAfter([1], [[1, 1, { name: 'x' }]])).toBeNull();
    expect(linkedAfter([1], 'junk')).toBeNull();
  });
});

describe('related-request search terms', () => {
  it('keeps the meaningful words once, lowercased and without accents', () => {
    expect(searchTerms('La impresora de la Configuración no imprime; la IMPRESORA falla'))
      .toEqual(['impresora', 'configuracion', 'imprime', 'falla']);
    expect(searchTerms('The invoice report is slow for the users')).toEqual(['invoice', 'report', 'slow', 'users']);
  });
  it('never lets through characters the text-search syntax would read', () => {
    for (const t of searchTerms('a"b OR c* (d) e:f NEAR/3 g\'h ññññ')) expect(t).toMatch(/^[\p{L}\p{N}]+$/u);
  });
});
