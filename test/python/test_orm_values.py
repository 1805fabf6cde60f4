"""Values on the wire and grouped reads through xmlrpc.client: many2one pairs, id lists, False
for empty, date strings, base64 binaries, x2many commands 0-6 and read_group's row shapes."""
import base64
import datetime
import unittest
import xmlrpc.client

from test_orm_methods import OrmCase, unique


class WireValues(OrmCase):

    def test_empty_relational_and_date_values(self):
        parent = self.partner(name=unique('Parent'), is_company=True)
        pid = self.partner(parent_id=parent)
        row = self.kw('odoo', 'res.partner', 'read', [[pid], ['parent_id', 'country_id', 'category_id', 'child_ids',
                                                               'email', 'create_date', 'color', 'display_name']])[0]
        parent_name = self.kw('odoo', 'res.partner', 'read', [[parent], ['name']])[0]['name']
        self.assertEqual(row['parent_id'], [parent, parent_name])
        self.assertEqual((row['country_id'], row['category_id'], row['child_ids'], row['email']), (False, [], [], False))
        self.assertEqual(row['color'], 0)
        datetime.datetime.strptime(row['create_date'], '%Y-%m-%d %H:%M:%S')
        self.assertEqual(self.kw('odoo', 'res.partner', 'read', [[parent], ['child_ids']])[0]['child_ids'], [pid])

    def test_binary_is_base64_text(self):
        payload = 'Héllo bytes \x00\x01'.encode('utf-8')
        encoded = base64.b64encode(payload).decode('ascii')
        aid = self.kw('odoo', 'ir.attachment', 'create', [{'name': unique('blob.bin'), 'datas': encoded}])
        self.addCleanup(self.drop, 'ir.attachment', aid)
        row = self.kw('legacy', 'ir.attachment', 'read', [[aid], ['datas', 'file_size']])[0]
        self.assertEqual(base64.b64decode(row['datas']), payload)
        self.assertEqual(row['file_size'], len(payload))

    def test_datetime_iso8601_in_a_domain_is_accepted(self):
        pid = self.partner()
        stamp = self.kw('odoo', 'res.partner', 'read', [[pid], ['create_date']])[0]['create_date']
        when = datetime.datetime.strptime(stamp, '%Y-%m-%d %H:%M:%S')
        found = self.kw('odoo', 'res.partner', 'search', [[['id', '=', pid], ['create_date', '>=', xmlrpc.client.DateTime(when)]]])
        self.assertEqual(found, [pid])


class X2manyCommands(OrmCase):

    def tag(self):
        tid = self.kw('odoo', 'res.partner.category', 'create', [{'name': unique('Tag')}])
        self.addCleanup(self.drop, 'res.partner.category', tid)
        return tid

    def tags_of(self, pid):
        return sorted(self.kw('odoo', 'res.partner', 'read', [[pid], ['category_id']])[0]['category_id'])

    def test_many2many_commands(self):
        t1, t2, t3 = self.tag(), self.tag(), self.tag()
        pid = self.partner(category_id=[[6, 0, [t1]]])
        self.assertEqual(self.tags_of(pid), [t1])
        self.kw('legacy', 'res.partner', 'write', [[pid], {'category_id': [[4, t2], [4, t3]]}])
        self.assertEqual(self.tags_of(pid), sorted([t1, t2, t3]))
        self.kw('odoo', 'res.partner', 'write', [[pid], {'category_id': [[3, t1]]}])
        self.assertEqual(self.tags_of(pid), sorted([t2, t3]))
        self.assertEqual(self.kw('odoo', 'res.partner.category', 'exists', [[t1]]), [t1])
        self.kw('odoo', 'res.partner', 'write', [[pid], {'category_id': [[2, t2]]}])
        self.assertEqual(self.tags_of(pid), [t3])
        self.assertEqual(self.kw('odoo', 'res.partner.category', 'exists', [[t2]]), [])
        self.kw('odoo', 'res.partner', 'write', [[pid], {'category_id': [[1, t3, {'name': 'Renamed ' + str(t3)}]]}])
        self.assertEqual(self.kw('odoo', 'res.partner.category', 'read', [[t3], ['name']])[0]['name'], 'Renamed ' + str(t3))
        self.kw('odoo', 'res.partner', 'write', [[pid], {'category_id': [[5]]}])
        self.assertEqual(self.tags_of(pid), [])
        self.kw('odoo', 'res.partner', 'write', [[pid], {'category_id': [[6, 0, [t1, t3]]]}])
        self.assertEqual(self.tags_of(pid), sorted([t1, t3]))
        name = unique('Created tag')
        self.kw('odoo', 'res.partner', 'write', [[pid], {'category_id': [[0, 0, {'name': name}]]}])
        created = self.kw('odoo', 'res.partner.category', 'search', [[['name', '=', name]]])
        self.addCleanup(self.drop, 'res.partner.category', created[0])
        self.assertEqual(self.tags_of(pid), sorted([t1, t3] + created))

    def test_one2many_commands(self):
        pid = self.partner(is_company=True)
        name = unique('Child')
        self.kw('odoo', 'res.partner', 'write', [[pid], {'child_ids': [[0, 0, {'name': name + ' 1'}], [0, 0, {'name': name + ' 2'}]]}])
        kids = self.kw('odoo', 'res.partner', 'search', [[['parent_id', '=', pid]]], {'order': 'id'})
        for kid in kids:
            self.addCleanup(self.drop, 'res.partner', kid)
        self.assertEqual(len(kids), 2)
        self.assertEqual(sorted(self.kw('odoo', 'res.partner', 'read', [[pid], ['child_ids']])[0]['child_ids']), kids)
        self.kw('odoo', 'res.partner', 'write', [[pid], {'child_ids': [[1, kids[0], {'function': 'Boss'}], [2, kids[1]]]}])
        self.assertEqual(self.kw('odoo', 'res.partner', 'read', [[kids[0]], ['function', 'parent_id']])[0]['function'], 'Boss')
        self.assertEqual(self.kw('odoo', 'res.partner', 'exists', [[kids[1]]]), [])
        self.kw('odoo', 'res.partner', 'write', [[pid], {'child_ids': [[3, kids[0]]]}])
        self.assertIs(self.kw('odoo', 'res.partner', 'read', [[kids[0]], ['parent_id']])[0]['parent_id'], False)
        self.kw('odoo', 'res.partner', 'write', [[pid], {'child_ids': [[4, kids[0]]]}])
        self.assertEqual(self.kw('odoo', 'res.partner', 'read', [[pid], ['child_ids']])[0]['child_ids'], [kids[0]])


class ReadGroup(OrmCase):

    def setUp(self):
        self.name = unique('Grouped')
        self.company = self.partner(name=self.name + ' co', is_company=True, type='invoice')
        self.p1 = self.partner(name=self.name + ' p1', parent_id=self.company)
        self.p2 = self.partner(name=self.name + ' p2', parent_id=self.company)
        self.domain = [['name', 'like', self.name]]

    def group(self, fields, groupby, **kwargs):
        return self.kw('odoo', 'res.partner', 'read_group', [self.domain, fields, groupby], kwargs)

    def test_boolean_groups_carry_count_and_domain(self):
        rows = self.group(['is_company'], ['is_company'], lazy=True)
        self.assertEqual(rows, [
            {'is_company': False, 'is_company_count': 2, '__domain': [['is_company', '=', False]] + self.domain},
            {'is_company': True, 'is_company_count': 1, '__domain': [['is_company', '=', True]] + self.domain}])

    def test_selection_and_many2one_groups(self):
        by_type = {r['type']: r['type_count'] for r in self.group(['type'], ['type'])}
        self.assertEqual(by_type, {'contact': 2, 'invoice': 1})
        rows = self.group(['parent_id'], ['parent_id'], orderby='parent_id')
        by_parent = {(tuple(r['parent_id']) if r['parent_id'] else False): r['parent_id_count'] for r in rows}
        self.assertEqual(by_parent, {(self.company, self.name + ' co'): 2, False: 1})
        found = self.kw('odoo', 'res.partner', 'search', [[r for r in rows if r['parent_id']][0]['__domain']])
        self.assertEqual(sorted(found), sorted([self.p1, self.p2]))

    def test_date_granularities(self):
        stamp = self.kw('odoo', 'res.partner', 'read', [[self.company], ['create_date']])[0]['create_date']
        when = datetime.datetime.strptime(stamp, '%Y-%m-%d %H:%M:%S')
        months = self.group(['create_date'], ['create_date:month'])
        self.assertIn(when.strftime('%B %Y'), [r['create_date:month'] for r in months])
        self.assertEqual(sum(r['create_date_count'] for r in months), 3)
        days = self.group(['create_date'], ['create_date:day'])
        self.assertIn(when.strftime('%d %b %Y'), [r['create_date:day'] for r in days])

    def test_lazy_false_groups_by_every_field(self):
        rows = self.group(['is_company', 'type'], ['is_company', 'type'], lazy=False)
        self.assertEqual(sorted((r['is_company'], r['type'], r['__count']) for r in rows),
                         [(False, 'contact', 2), (True, 'invoice', 1)])
        for r in rows:
            self.assertEqual(self.kw('odoo', 'res.partner', 'search_count', [r['__domain']]), r['__count'])


if __name__ == '__main__':
    unittest.main()
