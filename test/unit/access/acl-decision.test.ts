// The 7.0 ACL decision and the denial texts, without a database.
import { aclAllows, groupsGranting } from '../../../src/orm/access/acl';
import { aclDenialMessage } from '../../../src/orm/access/messages';

const row = (groupId: number | null, r: boolean, w = false, c = false, u = false) =>
  ({ groupId, perm_read: r, perm_write: w, perm_create: c, perm_unlink: u });

describe('ACL decision (OpenERP 7.0)', () => {
  it('denies when there are no rows at all', () => {
    expect(aclAllows([], new Set([1, 2]), 'read')).toBe(false);
  });

  it('uses the global rows when the user has no group with a row', () => {
    const rows = [row(null, true), row(7, true, true, true, true)];
    expect(aclAllows(rows, new Set([1]), 'read')).toBe(true);
    expect(aclAllows(rows, new Set([1]), 'write')).toBe(false);
  });

  it('ORs the rows of the user\'s groups', () => {
    const rows = [row(1, true), row(2, false, true)];
    const groups = new Set([1, 2]);
    expect(aclAllows(rows, groups, 'read')).toBe(true);
    expect(aclAllows(rows, groups, 'write')).toBe(true);
    expect(aclAllows(rows, groups, 'create')).toBe(false);
  });

  it('lets the user\'s group rows decide even when a global row would allow', () => {
    const rows = [row(null, true, true), row(3, true, false)];
    expect(aclAllows(rows, new Set([3]), 'write')).toBe(false);
    expect(aclAllows(rows, new Set([4]), 'write')).toBe(true);
  });

  it('lists each granting group once', () => {
    const rows = [row(5, true), row(5, true, true), row(6, false), row(null, true)];
    expect(groupsGranting(rows, 'read')).toEqual([5]);
    expect(groupsGranting(rows, 'write')).toEqual([5]);
  });
});

describe('denial message', () => {
  it('names the granting groups as Odoo 18 does', () => {
    expect(aclDenialMessage('User', 'res.users', 'create', ['Administration/Access Rights'])).toBe(
      "You are not allowed to create 'User' (res.users) records.\n\n"
      + 'This operation is allowed for the following groups:\n\t- Administration/Access Rights\n\n'
      + 'Contact your administrator to request access if necessary.',
    );
  });

  it('says so when no group may do it, with the verb of each mode', () => {
    const text = aclDenialMessage('Contact', 'res.partner', 'write', []);
    expect(text).toBe("You are not allowed to modify 'Contact' (res.partner) records.\n\n"
      + 'No group currently allows this operation.\n\n'
      + 'Contact your administrator to request access if necessary.');
    expect(aclDenialMessage('Contact', 'res.partner', 'read', [])).toMatch(/^You are not allowed to access /);
    expect(aclDenialMessage('Contact', 'res.partner', 'unlink', [])).toMatch(/^You are not allowed to delete /);
  });
});
