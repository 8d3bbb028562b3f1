import {
  OPTION_KEYS,
  type ImportRowError,
  type OptionKey,
  type QuestionBody,
  type QuestionType,
} from '@jingcai/shared';
import ExcelJS from 'exceljs';

/** Column headers accepted, Chinese or English (case and spaces ignored). */
const HEADERS: Record<string, string[]> = {
  type: ['题型', 'type'],
  stem: ['题干', 'stem'],
  A: ['选项a', 'a'],
  B: ['选项b', 'b'],
  C: ['选项c', 'c'],
  D: ['选项d', 'd'],
  E: ['选项e', 'e'],
  F: ['选项f', 'f'],
  answer: ['答案', 'answer'],
  explanation: ['解析', 'explanation'],
  difficulty: ['难度', 'difficulty'],
  tags: ['标签', 'tags'],
};

const TYPES: Record<string, QuestionType> = {
  单选: 'single',
  single: 'single',
  多选: 'multiple',
  multiple: 'multiple',
  判断: 'judge',
  judge: 'judge',
};
const JUDGE_ANSWERS: Record<string, OptionKey> = {
  对: 'A',
  正确: 'A',
  t: 'A',
  true: 'A',
  a: 'A',
  错: 'B',
  错误: 'B',
  f: 'B',
  false: 'B',
  b: 'B',
};
export const JUDGE_OPTIONS = [
  { key: 'A' as const, text: '正确' },
  { key: 'B' as const, text: '错误' },
];
export const TEMPLATE_HEADERS = [
  '题型',
  '题干',
  '选项A',
  '选项B',
  '选项C',
  '选项D',
  '选项E',
  '选项F',
  '答案',
  '解析',
  '难度',
  '标签',
];
export const MAX_IMPORT_ROWS = 10_000;

export type ParsedImport = { questions: QuestionBody[] } | { errors: ImportRowError[] };

/** Reads an .xlsx or a UTF-8 .csv (with or without BOM) into rows of cells; the first row is the header. */
export async function readSheet(file: Buffer, filename: string): Promise<string[][]> {
  if (/\.csv$/i.test(filename)) return parseCsv(file.toString('utf8').replace(/^\uFEFF/, ''));
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(file as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  const rows: string[][] = [];
  sheet?.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => (cells[col - 1] = cellText(cell.value)));
    rows[rowNumber - 1] = cells;
  });
  return Array.from(rows, (r) => r ?? []);
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value) return String(value.text);
    if ('result' in value)
      return value.result === undefined || value.result === null ? '' : cellText(value.result);
    if (value instanceof Date) return value.toISOString();
    return ''; // hyperlinks without text, errors, shared formulas: nothing a question needs
  }
  return String(value);
}

/** RFC 4180 CSV: quoted fields, doubled quotes, CRLF or LF. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = '';
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c === '"') {
      quoted = true;
    } else if (c === ',') {
      endField();
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRow();
    } else {
      field += c;
    }
  }
  if (field !== '' || row.length) endRow();
  return rows;
}

/** Validates every row; any bad row means nothing is imported, and each one is named with its reason. */
export function parseQuestions(rows: string[][]): ParsedImport {
  const [header = [], ...body] = rows;
  const columns = new Map<string, number>();
  header.forEach((name, index) => {
    const normal = name.trim().toLowerCase().replace(/\s+/g, '');
    for (const [key, names] of Object.entries(HEADERS)) if (names.includes(normal)) columns.set(key, index);
  });
  const missing = ['type', 'stem', 'answer'].filter((k) => !columns.has(k));
  if (missing.length)
    return { errors: [{ row: 1, message: `表头缺少：${missing.map((k) => HEADERS[k][0]).join('、')}` }] };

  const cell = (row: string[], key: string) =>
    columns.has(key) ? (row[columns.get(key)!] ?? '').trim() : '';
  const questions: QuestionBody[] = [];
  const errors: ImportRowError[] = [];
  body.forEach((row, index) => {
    const rowNumber = index + 2;
    if (row.every((c) => !c?.trim())) return; // blank lines are not questions
    const result = parseRow((key) => cell(row, key));
    if (typeof result === 'string') errors.push({ row: rowNumber, message: result });
    else questions.push(result);
  });
  if (!errors.length && !questions.length) errors.push({ row: 2, message: '没有可导入的题目' });
  if (questions.length + errors.length > MAX_IMPORT_ROWS)
    return { errors: [{ row: 1, message: `一次最多导入 ${MAX_IMPORT_ROWS} 题` }] };
  return errors.length ? { errors } : { questions };
}

function parseRow(cell: (key: string) => string): QuestionBody | string {
  const type = TYPES[cell('type').toLowerCase()];
  if (!type) return '题型应为 单选、多选 或 判断';
  const stem = cell('stem');
  if (!stem) return '题干不能为空';
  if (stem.length > 1000) return '题干不能超过 1000 字';

  const options =
    type === 'judge'
      ? JUDGE_OPTIONS
      : OPTION_KEYS.map((key) => ({ key, text: cell(key) })).filter((o) => o.text !== '');
  if (type !== 'judge') {
    const keys = options.map((o) => o.key).join('');
    if (options.length < 2) return '至少需要两个选项';
    if (!'ABCDEF'.startsWith(keys)) return '选项需从 A 开始连续填写';
  }

  const rawAnswer = cell('answer').replace(/[\s,，、]/g, '');
  const answer: OptionKey[] =
    type === 'judge'
      ? [JUDGE_ANSWERS[rawAnswer.toLowerCase()]].filter(Boolean)
      : ([...new Set(rawAnswer.toUpperCase().split(''))].sort() as OptionKey[]);
  if (!answer.length) return type === 'judge' ? '判断题答案应为 对/错、正确/错误 或 T/F' : '答案不能为空';
  if (answer.some((k) => !options.some((o) => o.key === k))) return `答案 ${rawAnswer} 不在选项中`;
  if (type === 'single' && answer.length !== 1) return '单选题只能有一个答案';
  if (type === 'multiple' && answer.length < 2) return '多选题至少有两个答案';

  const difficultyText = cell('difficulty');
  const difficulty = difficultyText ? Number(difficultyText) : 3;
  if (!Number.isInteger(difficulty) || difficulty < 1 || difficulty > 5) return '难度应为 1 到 5 的整数';

  return {
    type,
    stem,
    options,
    answer,
    explanation: cell('explanation'),
    tags: cell('tags')
      .split(/[,，、\s]+/)
      .filter(Boolean)
      .slice(0, 10),
    difficulty,
  };
}

/** The downloadable template: headers plus one example of each type. */
export async function templateWorkbook(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('题库');
  sheet.addRow(TEMPLATE_HEADERS);
  sheet.addRow([
    '单选',
    '《中华人民共和国工会法》规定，工会是职工自愿结合的什么组织？',
    '工人阶级的群众组织',
    '行政机关',
    '事业单位',
    '企业部门',
    '',
    '',
    'A',
    '工会法第二条。',
    2,
    '工会法',
  ]);
  sheet.addRow([
    '多选',
    '以下哪些属于新就业形态劳动者？',
    '网约车司机',
    '快递员',
    '外卖骑手',
    '公务员',
    '',
    '',
    'ABC',
    '新就业形态劳动者包括平台从业人员。',
    2,
    '新就业形态',
  ]);
  sheet.addRow([
    '判断',
    '用人单位应当依法为劳动者缴纳社会保险。',
    '',
    '',
    '',
    '',
    '',
    '',
    '对',
    '劳动法第七十二条。',
    1,
    '社会保险',
  ]);
  sheet.getRow(1).font = { bold: true };
  sheet.columns.forEach((column) => (column.width = 18));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
