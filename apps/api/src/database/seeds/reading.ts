import { DEFAULT_BADGE_THRESHOLDS } from '@jingcai/shared';
import {
  ReadingBook,
  ReadingCheckin,
  ReadingLike,
  ReadingParticipant,
  ReadingSeason,
} from '../../modules/reading/entities/reading.entities';
import { CHECKIN_SUBJECT, hashNote } from '../../modules/reading/reading-checkins.service';
import { standingOf } from '../../modules/reading/standing';
import { ModerationItem } from '../../modules/content-safety/entities/moderation-item.entity';
import { DEMO_READING_SEASON } from './demo-data';
import type { Person } from './people';
import { noteAbout } from './reading-notes';
import { Dice, DemoTime } from './random';
import type { SeedWriter } from './seed-writer';

/** How many of the district's workers read along, besides the scripted demo users. */
const READERS = 700;

/** A demo user's scripted days (offsets from today, ascending). */
export interface ScriptedReading {
  person: Person;
  days: number[];
}

/**
 * The reading season, 40 days in: check-ins with notes (a few waiting for a moderator, a couple hidden),
 * likes, and each reader's standing row as the check-in path writes it (days, streaks, minutes).
 */
export async function seedReading(
  writer: SeedWriter,
  dice: Dice,
  time: DemoTime,
  ownerOrgId: number,
  people: Person[],
  scripted: ScriptedReading[],
): Promise<number> {
  const demo = DEMO_READING_SEASON;
  const seasonId = writer.id('reading_seasons');
  const createdAt = time.shift(demo.startsInDays - 5);
  await writer.insert(ReadingSeason, [
    {
      id: seasonId,
      theme: demo.theme,
      description: demo.description,
      startsOn: time.day(demo.startsInDays),
      endsOn: time.day(demo.endsInDays),
      minNoteLength: demo.minNoteLength,
      makeUpAllowance: demo.makeUpAllowance,
      badgeThresholds: [...DEFAULT_BADGE_THRESHOLDS],
      audienceOrgId: null,
      ownerOrgId,
      status: 'published',
      createdAt,
      updatedAt: createdAt,
    },
  ]);
  const books = demo.books.map((book, position) => ({ ...book, id: writer.id('reading_books'), seasonId, position }));
  await writer.insert(ReadingBook, books.map((b) => ({ ...b, coverUrl: null })));

  const checkins: Partial<ReadingCheckin>[] = [];
  const standings: Partial<ReadingParticipant>[] = [];
  const moderation: Partial<ModerationItem>[] = [];
  const readDays = (person: Person, days: number[]) => {
    const notes = new Set<string>();
    let book = dice.pick(books);
    const records = days.map((offset) => {
      if (dice.chance(0.15)) book = dice.pick(books);
      let note = noteAbout(book.title, dice);
      for (let extra = 2; notes.has(hashNote(note)); extra++) note = `${noteAbout(book.title, dice)}（第 ${extra} 遍读）`;
      notes.add(hashNote(note));
      const id = writer.id('reading_checkins');
      const makeUp = offset < 0 && offset > -4 && dice.chance(0.04);
      const createdAt = makeUp ? time.at(0, DemoTime.hour(dice)) : time.at(offset, DemoTime.hour(dice));
      const status = offset >= -1 && dice.chance(0.02) ? 'pending' : dice.chance(0.004) ? 'hidden' : 'published';
      const minutes = 10 + dice.int(16) * 5;
      checkins.push({
        id,
        seasonId,
        userId: person.id,
        day: time.day(offset),
        bookId: book.id,
        minutes,
        note,
        noteHash: hashNote(note),
        photoIds: [],
        makeUp,
        status,
        hiddenReason: status === 'hidden' ? '与读书无关的内容' : null,
        likeCount: 0,
        createdAt,
      });
      if (status === 'pending') {
        moderation.push({
          subjectType: CHECKIN_SUBJECT,
          subjectId: String(id),
          authorId: person.id,
          orgId: person.org?.id ?? null,
          kind: 'text',
          content: note,
          reason: 'review',
          traceId: null,
          status: 'pending',
          createdAt,
        });
      }
      return { day: time.day(offset), minutes, makeUp };
    });
    standings.push({
      seasonId,
      userId: person.id,
      ...standingOf(records),
      makeUpsUsed: records.filter((r) => r.makeUp).length,
      orgPath: person.org?.path ?? null,
      updatedAt: checkins.at(-1)!.createdAt,
    });
  };

  const scriptedIds = new Set(scripted.map((s) => s.person.id));
  for (const s of scripted) readDays(s.person, s.days);
  const span = -demo.startsInDays;
  for (const person of dice.sample(people.filter((p) => !scriptedIds.has(p.id)), READERS)) {
    // Most join in the first week; the keen ones rarely miss a day.
    const first = -span + Math.floor(span * dice.next() ** 2);
    const keenness = 0.35 + dice.next() * 0.6;
    const days: number[] = [];
    let yesterday = false;
    for (let offset = first; offset <= 0; offset++) {
      const p = offset === 0 ? keenness * 0.5 : yesterday ? Math.min(0.97, keenness + 0.15) : keenness - 0.2;
      yesterday = dice.chance(p);
      if (yesterday) days.push(offset);
    }
    if (days.length) readDays(person, days);
  }
  const likes = likesFor(checkins, people, dice, time);
  await writer.insert(ReadingCheckin, checkins);
  await writer.insert(ReadingLike, likes);
  await writer.insert(ReadingParticipant, standings);
  await writer.insert(ModerationItem, moderation.map((m) => ({ ...m, id: writer.id('moderation_items') })));
  return seasonId;
}

/** Likes from other readers on published notes (a few get many); sets each note's count. */
function likesFor(checkins: Partial<ReadingCheckin>[], people: Person[], dice: Dice, time: DemoTime): Partial<ReadingLike>[] {
  const likes: Partial<ReadingLike>[] = [];
  for (const checkin of checkins) {
    if (checkin.status !== 'published') continue;
    const likers = new Set<number>();
    for (let i = Math.floor(dice.next() ** 4 * 9); i > 0; i--) {
      const liker = dice.pick(people).id;
      if (liker === checkin.userId || likers.has(liker)) continue;
      likers.add(liker);
      const at = Math.min(time.now.getTime(), checkin.createdAt!.getTime() + dice.int(36) * 3_600_000);
      likes.push({ checkinId: checkin.id, userId: liker, createdAt: new Date(at) });
    }
    checkin.likeCount = likers.size;
  }
  return likes;
}
