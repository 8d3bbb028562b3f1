import { StreamableFile } from '@nestjs/common';
import type { FastifyReply } from 'fastify';

/** The content type of every .xlsx the API sends (exports, the import template). */
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * A workbook sent as a download named `filename`. A plain ASCII name goes in `filename`; any other (a
 * Chinese template name) is percent-encoded in `filename*`, which every browser the console supports reads.
 */
export function xlsxDownload(reply: FastifyReply, filename: string, workbook: Buffer): StreamableFile {
  const disposition = /^[\x20-\x7e]+$/.test(filename)
    ? `attachment; filename="${filename}"`
    : `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`;
  void reply.header('content-disposition', disposition);
  return new StreamableFile(workbook, { type: XLSX });
}
