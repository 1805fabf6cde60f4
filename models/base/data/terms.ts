// The Spanish of the base module's menus and actions, which are written in English as in
// OpenERP: menus, actions and views read them in the caller's language.
export const BASE_TERMS: Record<string, Record<string, string>> = {
  es_ES: {
    'Contacts': 'Contactos',
    'Customers': 'Clientes',
    'Settings': 'Configuración',
    'Users': 'Usuarios',
    'Groups': 'Grupos',
    'Companies': 'Compañías',
    'Security': 'Seguridad',
    'Access Controls List': 'Lista de controles de acceso',
    'Record Rules': 'Reglas de registro',
    'Technical': 'Técnico',
    'Sequences': 'Secuencias',
    'Countries': 'Países',
    'Menu': 'Menú',
  },
};
