// The event editor's form values and how they become the API's requests (and back).
import {
  FORM_FIELD_KEY_PATTERN,
  type Allocation,
  type CreateEventRequest,
  type EventKind,
  type EventView,
  type FormField,
  type FormFieldType,
  type UpdateEventRequest,
  type UserTag,
  type WorkerCategory,
} from '@jingcai/shared';
import dayjs, { type Dayjs } from 'dayjs';

export interface FieldRow {
  /** Kept for fields that exist already (answers refer to it); new rows get one on save. */
  key?: string;
  label: string;
  type: FormFieldType;
  required: boolean;
  options?: string[];
  min?: number | null;
  max?: number | null;
}

export interface SessionRow {
  label: string;
  time: [Dayjs, Dayjs];
  capacity: number;
}

export interface EventForm {
  title: string;
  kind: EventKind;
  description: string;
  coverId: string | null;
  venue: string;
  latitude: number;
  longitude: number;
  ownerOrgId: number;
  audienceOrgId: number | null;
  categories: WorkerCategory[];
  tags: UserTag[];
  gigVerifiedRequired: boolean;
  membersOnly: boolean;
  allocation: Allocation;
  window: [Dayjs, Dayjs];
  cancelDeadline: Dayjs;
  perPersonLimit: number;
  noShowRule: boolean;
  offerHours: number;
  fields: FieldRow[];
  sessions: SessionRow[];
}

export function toEventForm(e: EventView): Partial<EventForm> {
  return {
    title: e.title,
    kind: e.kind,
    description: e.description,
    coverId: e.cover?.id ?? null,
    venue: e.venue,
    latitude: e.latitude,
    longitude: e.longitude,
    ownerOrgId: e.ownerOrg.id,
    audienceOrgId: e.eligibility.orgId,
    categories: e.eligibility.categories,
    tags: e.eligibility.tags,
    gigVerifiedRequired: e.eligibility.gigVerifiedRequired,
    membersOnly: e.eligibility.membersOnly,
    allocation: e.allocation,
    window: [dayjs(e.signupStartsAt), dayjs(e.signupEndsAt)],
    cancelDeadline: dayjs(e.cancelDeadline),
    perPersonLimit: e.perPersonLimit,
    noShowRule: e.noShowRule,
    offerHours: e.offerHours,
    fields: e.form.map((f) => ({ ...f, options: f.options ?? [], min: f.min ?? null, max: f.max ?? null })),
    sessions: e.sessions.map((s) => ({ label: s.label, time: [dayjs(s.startsAt), dayjs(s.endsAt)], capacity: s.capacity })),
  };
}

/** Keys for new fields (`q1`, `q2`, …) that no existing field uses; existing keys stay, answers refer to them. */
export function toFormFields(rows: FieldRow[]): FormField[] {
  const used = new Set(rows.map((row) => row.key).filter((key): key is string => Boolean(key && FORM_FIELD_KEY_PATTERN.test(key))));
  let next = 1;
  return rows.map((row) => {
    let key = row.key && FORM_FIELD_KEY_PATTERN.test(row.key) ? row.key : undefined;
    if (!key) {
      while (used.has(`q${next}`)) next += 1;
      key = `q${next}`;
      used.add(key);
    }
    const field: FormField = { key, label: row.label.trim(), type: row.type, required: row.required };
    if (row.type === 'choice') field.options = (row.options ?? []).map((o) => o.trim()).filter(Boolean);
    if (row.type === 'number') {
      if (row.min !== null && row.min !== undefined) field.min = row.min;
      if (row.max !== null && row.max !== undefined) field.max = row.max;
    }
    return field;
  });
}

/** What can change once created (PATCH): never the kind, owner, allocation or sessions. */
export function toUpdateRequest(v: EventForm): UpdateEventRequest {
  return {
    title: v.title.trim(),
    description: v.description.trim(),
    coverId: v.coverId ?? null,
    venue: v.venue.trim(),
    latitude: v.latitude,
    longitude: v.longitude,
    eligibility: {
      categories: v.categories ?? [],
      gigVerifiedRequired: v.gigVerifiedRequired,
      tags: v.tags ?? [],
      membersOnly: v.membersOnly,
      orgId: v.audienceOrgId ?? null,
    },
    signupStartsAt: v.window[0].toISOString(),
    signupEndsAt: v.window[1].toISOString(),
    cancelDeadline: v.cancelDeadline.toISOString(),
    perPersonLimit: v.perPersonLimit,
    noShowRule: v.noShowRule,
    offerHours: v.offerHours,
    form: toFormFields(v.fields ?? []),
  };
}

export function toCreateRequest(v: EventForm): CreateEventRequest {
  const common = toUpdateRequest(v) as Required<UpdateEventRequest>;
  return {
    ...common,
    kind: v.kind,
    ownerOrgId: v.ownerOrgId,
    allocation: v.allocation,
    sessions: (v.sessions ?? []).map((s) => ({
      label: s.label.trim(),
      startsAt: s.time[0].toISOString(),
      endsAt: s.time[1].toISOString(),
      capacity: s.capacity,
    })),
  };
}

/** The rules that decide who gets a place are fixed once the window opens (the API says EVENT_LOCKED). */
export function rulesLocked(e: Pick<EventView, 'signupStartsAt'> | null, now = Date.now()): boolean {
  return e !== null && now >= Date.parse(e.signupStartsAt);
}
