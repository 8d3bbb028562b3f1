/** The content type of every .xlsx the API sends (exports, the import template). */
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
