// The English of the support center's views, menus and actions, which are written in the manual's
// Spanish: fields_view_get and reads of menu and action names use it for English-speaking callers.
export const VIEW_TERMS: Record<string, Record<string, string>> = {
  en_US: {
    // Screens: menus, actions, view titles and notebook pages.
    'Centro de soporte': 'Support center',
    'Solicitudes': 'Requests',
    'Problemas': 'Problems',
    'Tareas': 'Tasks',
    'Recursos': 'Resources',
    'Soluciones': 'Solutions',
    'Configuración': 'Configuration',
    'Configuraciones': 'Configurations',
    'Solicitud de servicio': 'Service request',
    'Solicitudes de servicio': 'Service requests',
    'Problema': 'Problem',
    'Tarea': 'Task',
    'Recurso': 'Resource',
    'Solución': 'Solution',
    'Incidentes relacionados': 'Related incidents',
    'Incidentes': 'Incidents',
    'Comunicación': 'Communication',
    // The statistics screen.
    'Estadísticas': 'Statistics',
    'Estadísticas de solicitudes': 'Request statistics',
    // Reports (ir.actions.report.xml names).
    'Listado de solicitudes': 'Request list',
    'Estadísticas de soporte': 'Support statistics',
    // Workflow buttons.
    'Notificar': 'Notify',
    'Revisar': 'Review',
    'Desarrollo': 'Development',
    'Prueba': 'Test',
    'Cerrar': 'Close',
    'Cancelar': 'Cancel',
    'Volver a borrador': 'Reset to draft',
    // Search filters and groupings.
    'Abiertas': 'Open',
    'Notificadas': 'Notified',
    'Cerradas': 'Closed',
    'Agrupar por': 'Group by',
    'Estado': 'State',
    'Categoría': 'Category',
    // Placeholders.
    'Descripción del incidente': 'Description of the incident',
    'Descripción del problema': 'Description of the problem',
    'Descripción de la solución, para reutilizarla': 'Description of the solution, to reuse it',
  },
};
