import { Injectable } from '@nestjs/common';
import {
  ASSISTANCE_GRANT_KIND_LABELS,
  ASSISTANCE_KIND_LABELS,
  ASSISTANCE_STATUS_LABELS,
  formatShanghai,
  staffName,
} from '@jingcai/shared';
import ExcelJS from 'exceljs';
import { isAdmin, type AuthUser } from '../../common/auth/auth-user';
import { AppException } from '../../common/errors/app-exception';
import { UsersRepository } from '../users/users.repository';
import { ApplicationSecretsCodec } from './application-secrets';
import { ApplicationViews } from './application-views';
import { ApplicationsRepository } from './applications.repository';
import { AssistanceAccess } from './assistance-access';
import type { ApplicationExportQueryDto } from './dto/application-export-query.dto';

/**
 * The applications of the caller's subtree as a workbook. By default it holds no sensitive field and names
 * nobody: kind, union, status, dates and the grant (a named list of families in hardship is itself the
 * sensitive fact, and a plain export is not logged). Only an admin may add the applicant's name, the
 * family's situation, income and reasons, and then every application in the file gets an `export` line in
 * its view log.
 */
@Injectable()
export class ApplicationExportService {
  constructor(
    private readonly applications: ApplicationsRepository,
    private readonly views: ApplicationViews,
    private readonly codec: ApplicationSecretsCodec,
    private readonly access: AssistanceAccess,
    private readonly users: UsersRepository,
  ) {}

  async workbook(user: AuthUser, query: ApplicationExportQueryDto): Promise<Buffer> {
    const sensitive = query.includeSensitive === true;
    if (sensitive && !isAdmin(user)) throw AppException.forbidden('只有管理员可以导出敏感信息');
    const rows = await this.applications.forExport({
      scope: await this.access.staffScope(user),
      status: query.status,
      kind: query.kind,
    });
    if (sensitive)
      await this.applications.logViews(
        rows.map((r) => r.id),
        user.id,
        'export',
      );
    const names = sensitive ? await this.users.namesOf([...new Set(rows.map((r) => r.applicantId))]) : null;
    const orgs = await this.views.orgSummaries(rows.map((r) => r.orgId));
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('帮扶申请');
    sheet.addRow([
      '编号',
      ...(sensitive ? ['申请人'] : []),
      '所属工会',
      '类别',
      '状态',
      '提交时间',
      '发放方式',
      '发放金额（元）',
      '发放日期',
      ...(sensitive ? ['家庭人口', '人均月收入（元）', '家庭情况', '申请理由'] : []),
    ]);
    for (const row of rows) {
      const secrets = sensitive ? this.codec.open(row) : null;
      sheet.addRow([
        row.id,
        ...(names ? [staffName(names.get(row.applicantId))] : []),
        orgs.get(row.orgId)?.name ?? '',
        ASSISTANCE_KIND_LABELS[row.kind],
        ASSISTANCE_STATUS_LABELS[row.status],
        formatShanghai(row.createdAt, 'dateTime'),
        row.grantKind ? ASSISTANCE_GRANT_KIND_LABELS[row.grantKind] : '',
        row.grantAmountFen === null ? '' : row.grantAmountFen / 100,
        row.grantDate ?? '',
        ...(secrets
          ? [row.householdSize, secrets.monthlyIncomePerMember, secrets.familySituation, secrets.reasons]
          : []),
      ]);
    }
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }
}
