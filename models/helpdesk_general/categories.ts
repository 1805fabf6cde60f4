// Request categories (manual table 2) and the problem categories each allows (manual table 4).
import { choices } from '../helpdesk_resources/i18n';

export const REQUEST_CATEGORIES = choices([
  ['technical', 'Technical assistance', 'Asistencia técnica'],
  ['functional', 'Functional assistance', 'Asistencia funcional'],
  ['development', 'Development', 'Desarrollo'],
]);

export const PROBLEM_CATEGORIES = choices([
  ['configuration', 'Configuration', 'Configuración'],
  ['installation', 'Installation', 'Instalación'],
  ['performance', 'Performance', 'Rendimiento'],
  ['acquisition', 'Acquisition', 'Adquisición'],
  ['operation', 'Operation', 'Funcionamiento'],
  ['documentation', 'Documentation', 'Documentación'],
  ['data', 'Data', 'Datos'],
  ['interface', 'Interface', 'Interfaz'],
  ['logic', 'Logic', 'Lógica'],
  ['data_access', 'Data access', 'Acceso a datos'],
]);

/** Which problem categories belong to each request category. */
export const PROBLEM_CATEGORIES_BY_REQUEST: Record<string, string[]> = {
  technical: ['configuration', 'installation', 'performance', 'acquisition'],
  functional: ['operation', 'configuration', 'documentation', 'data'],
  development: ['interface', 'logic', 'data_access'],
};

export function problemCategoryFits(requestCategory: unknown, category: unknown): boolean {
  const key = String(requestCategory);
  const allowed = Object.hasOwn(PROBLEM_CATEGORIES_BY_REQUEST, key) ? PROBLEM_CATEGORIES_BY_REQUEST[key] : undefined;
  return !!allowed && allowed.includes(String(category));
}
