import type { PersonalDataExport } from '@jingcai/shared';
import ExcelJS from 'exceljs';

/** The data copy as a workbook: one sheet per section, a header row of field names, one row per record. */
export async function personalDataWorkbook(copy: PersonalDataExport): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const section of copy.sections) {
    const sheet = workbook.addWorksheet(section.title.slice(0, 31));
    const columns = [...new Set(section.rows.flatMap((row) => Object.keys(row)))];
    sheet.addRow(columns.length ? columns : ['（无记录）']);
    for (const row of section.rows) sheet.addRow(columns.map((c) => row[c] ?? ''));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
