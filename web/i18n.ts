// The client's own words in English and Spanish; the server translates field labels and
// selections itself from the context's language.

export type Lang = 'en_US' | 'es_ES';
export const LANGUAGES: { code: Lang; label: string }[] = [{ code: 'es_ES', label: 'Español' }, { code: 'en_US', label: 'English' }];

const WORDS = {
  appName: ['Support center', 'Centro de soporte'],
  database: ['Database', 'Base de datos'],
  login: ['Login', 'Usuario'],
  password: ['Password', 'Contraseña'],
  language: ['Language', 'Idioma'],
  logIn: ['Log in', 'Entrar'],
  logOut: ['Log out', 'Salir'],
  wrongLogin: ['Wrong login or password', 'Usuario o contraseña incorrectos'],
  menu: ['Menu', 'Menú'],
  search: ['Search', 'Buscar'],
  filters: ['Filters', 'Filtros'],
  groupBy: ['Group by', 'Agrupar por'],
  create: ['Create', 'Crear'],
  save: ['Save', 'Guardar'],
  discard: ['Discard', 'Descartar'],
  delete: ['Delete', 'Eliminar'],
  previous: ['Previous', 'Anterior'],
  next: ['Next', 'Siguiente'],
  records: ['records', 'registros'],
  select: ['Select', 'Seleccionar'],
  selectAll: ['Select all', 'Seleccionar todo'],
  close: ['Close', 'Cerrar'],
  ok: ['OK', 'Aceptar'],
  cancel: ['Cancel', 'Cancelar'],
  remove: ['Remove', 'Quitar'],
  add: ['Add', 'Añadir'],
  createNamed: ['Create "{0}"', 'Crear «{0}»'],
  createAndEdit: ['Create and edit…', 'Crear y editar…'],
  noRecords: ['No records', 'No hay registros'],
  loading: ['Loading…', 'Cargando…'],
  connectionLost: ['Connection lost. Retrying…', 'Se perdió la conexión. Reintentando…'],
  unsavedTitle: ['Unsaved changes', 'Cambios sin guardar'],
  unsavedText: ['The record has changes that are not saved. Leave and lose them?', 'El registro tiene cambios sin guardar. ¿Salir y perderlos?'],
  leave: ['Leave', 'Salir'],
  stay: ['Stay', 'Quedarse'],
  confirmDelete: ['Delete the selected records?', '¿Eliminar los registros seleccionados?'],
  error: ['Error', 'Error'],
  sessionExpired: ['Your session has expired: log in again.', 'Su sesión ha expirado: entre de nuevo.'],
  chatter: ['Messages', 'Mensajes'],
  followers: ['Followers', 'Seguidores'],
  follow: ['Follow', 'Seguir'],
  unfollow: ['Unfollow', 'Dejar de seguir'],
  sendMessage: ['Send message', 'Enviar mensaje'],
  logNote: ['Log note', 'Registrar nota'],
  message: ['Message', 'Mensaje'],
  attachFile: ['Attach a file', 'Adjuntar archivo'],
  attachments: ['Attachments', 'Adjuntos'],
  suggestions: ['Similar incidents', 'Incidentes similares'],
  link: ['Link', 'Vincular'],
  statistics: ['Statistics', 'Estadísticas'],
  meanTimeToClose: ['Mean time to close', 'Tiempo medio de cierre'],
  days: ['days', 'días'],
  total: ['Total', 'Total'],
  count: ['Count', 'Cantidad'],
  print: ['Print', 'Imprimir'],
  upload: ['Upload a file', 'Subir archivo'],
  download: ['Download', 'Descargar'],
  record: ['Record', 'Registro'],
  none: ['None', 'Ninguno'],
  yes: ['Yes', 'Sí'],
  no: ['No', 'No'],
  month: ['Month', 'Mes'],
} as const;

export type Word = keyof typeof WORDS;

let current: Lang = 'es_ES';
export function setLang(lang: string | undefined): void { current = lang?.startsWith('en') ? 'en_US' : 'es_ES'; }
export function lang(): Lang { return current; }
/** The BCP 47 tag of the current language, for Intl formatting. */
export function locale(): string { return current === 'en_US' ? 'en-US' : 'es-ES'; }

export function t(word: Word, ...args: string[]): string {
  const text: string = WORDS[word][current === 'en_US' ? 0 : 1];
  return args.reduce((s, a, i) => s.replace(`{${i}}`, a), text);
}
