import { Injectable, Logger } from '@nestjs/common';
import {
  formatShanghai,
  maskName,
  maskPhone,
  SIGNUP_STATUS_LABELS,
  staffName,
  type Page,
  type SignupStatus,
  type StaffSignupView,
} from '@jingcai/shared';
import ExcelJS from 'exceljs';
import { isAdmin, type AuthUser } from '../../common/auth/auth-user';
import { PiiCipher } from '../../common/crypto/pii-cipher';
import { AppException } from '../../common/errors/app-exception';
import { UsersRepository, type PersonContact } from '../users/users.repository';
import type { SignupExportQueryDto, SignupQueryDto } from './dto/event-query.dto';
import type { EventSignup } from './entities/event-signup.entity';
import { answersOf, childOf, formOf } from './events.mapper';
import { EventsRepository } from './events.repository';
import { EventsService } from './events.service';
import { SignupReportsRepository } from './signup-reports.repository';
import { toStaffSignupView } from './signup-view';
import { SignupsRepository } from './signups.repository';

/** An event's sign-ups for its staff: the filtered list and the .xlsx export. */
@Injectable()
export class EventSignupsAdminService {
  private readonly logger = new Logger(EventSignupsAdminService.name);

  constructor(
    private readonly reports: SignupReportsRepository,
    private readonly signups: SignupsRepository,
    private readonly events: EventsRepository,
    private readonly eventsService: EventsService,
    private readonly users: UsersRepository,
    private readonly cipher: PiiCipher,
  ) {}

  async list(staff: AuthUser, eventId: number, query: SignupQueryDto): Promise<Page<StaffSignupView>> {
    const event = await this.eventsService.managed(staff, eventId);
    const [rows, total] = await this.reports.page(eventId, query, query.skip, query.pageSize);
    const [sessions, contacts, positions] = await Promise.all([
      this.sessionsOf(rows),
      this.users.contacts(rows.map((s) => s.userId)),
      this.signups.waitlistPositions(rows),
    ]);
    const items = rows.map((s) =>
      toStaffSignupView(
        s,
        event,
        sessions.get(s.sessionId)!,
        this.worker(contacts.get(s.userId)),
        this.cipher,
        positions.get(s.id),
      ),
    );
    return { items, total, page: query.page, pageSize: query.pageSize };
  }

  /**
   * The sign-ups as a workbook. Names, phones and children's data are masked unless an admin asks for them
   * (`includeSensitive`), which is logged with who and which event (never the data).
   */
  async workbook(staff: AuthUser, eventId: number, query: SignupExportQueryDto): Promise<Buffer> {
    const event = await this.eventsService.managed(staff, eventId);
    const sensitive = query.includeSensitive === true;
    if (sensitive && !isAdmin(staff)) throw AppException.forbidden('只有管理员可以导出未打码的个人信息');
    if (sensitive) this.logger.warn(`sensitive export: event ${eventId} by user ${staff.id}`);
    const rows = await this.reports.all(eventId, query);
    const [sessions, contacts] = await Promise.all([
      this.sessionsOf(rows),
      this.users.contacts(rows.map((s) => s.userId)),
    ]);
    const form = formOf(event);
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('报名名单');
    const childColumns = event.kind === 'childcare' ? ['孩子姓名', '孩子年龄', '监护人'] : [];
    sheet.addRow([
      '报名号',
      '场次',
      '职工',
      '手机号',
      '状态',
      ...form.map((f) => f.label),
      ...childColumns,
      '报名时间',
      '签到时间',
    ]);
    for (const s of rows) {
      const contact = contacts.get(s.userId);
      const name = staffName(contact, '');
      const phone = contact?.phoneCipher ? this.cipher.decrypt(contact.phoneCipher) : '';
      const answers = new Map(answersOf(s).map((a) => [a.key, a.value]));
      const child = childOf(s, this.cipher, !sensitive);
      sheet.addRow([
        s.publicNo,
        sessions.get(s.sessionId)?.label ?? '',
        sensitive ? name : (maskName(name) ?? ''),
        sensitive ? phone : (maskPhone(phone) ?? ''),
        SIGNUP_STATUS_LABELS[s.status as SignupStatus] ?? s.status,
        ...form.map((f) => answers.get(f.key) ?? ''),
        ...(childColumns.length ? [child?.name ?? '', child ? child.age : '', child?.guardian ?? ''] : []),
        formatShanghai(s.createdAt, 'dateTime'),
        s.checkedInAt ? formatShanghai(s.checkedInAt, 'dateTime') : '',
      ]);
    }
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }

  private async sessionsOf(rows: EventSignup[]) {
    const sessions = await this.events.sessionsByIds([...new Set(rows.map((s) => s.sessionId))]);
    return new Map(sessions.map((s) => [s.id, s]));
  }

  private worker(contact: PersonContact | undefined): {
    name: string;
    phone: string | null;
  } {
    if (!contact) return { name: '已注销用户', phone: null };
    return {
      name: maskName(staffName(contact, '职工')) ?? '职工',
      phone: contact.phoneCipher ? maskPhone(this.cipher.decrypt(contact.phoneCipher)) : null,
    };
  }
}
