import type { MigrationInterface } from 'typeorm';
import { Init1795498868818 } from './1795498868818-Init';
import { Platform1795503754364 } from './1795503754364-Platform';
import { Reading1795508585178 } from './1795508585178-Reading';
import { Legal1795509711667 } from './1795509711667-Legal';
import { ConsoleLogin1795509836212 } from './1795509836212-ConsoleLogin';
import { RateLimits1795519053193 } from './1795519053193-RateLimits';
import { ClaimStockLock1795534766668 } from './1795534766668-ClaimStockLock';
import { TrustIdentity1795541000000 } from './1795541000000-TrustIdentity';
import { ConsoleLoginFailures1795542000000 } from './1795542000000-ConsoleLoginFailures';
import { PersonalDataRights1796300000000 } from './1796300000000-PersonalDataRights';
import { QuizHistory1796500000000 } from './1796500000000-QuizHistory';
import { DashboardIndexes1796600000000 } from './1796600000000-DashboardIndexes';
import { CareMode1796800000000 } from './1796800000000-CareMode';
import { UntimedCampaigns1796900000000 } from './1796900000000-UntimedCampaigns';
import { Events1797000000000 } from './1797000000000-Events';
import { Assistance1797100000000 } from './1797100000000-Assistance';
import { RecentStandings1797200000000 } from './1797200000000-RecentStandings';

/** Listed explicitly (no globs) so the build output and tests load exactly these, in order. */
export const MIGRATIONS: (new () => MigrationInterface)[] = [
  Init1795498868818,
  Platform1795503754364,
  Reading1795508585178,
  Legal1795509711667,
  ConsoleLogin1795509836212,
  RateLimits1795519053193,
  ClaimStockLock1795534766668,
  TrustIdentity1795541000000,
  ConsoleLoginFailures1795542000000,
  PersonalDataRights1796300000000,
  QuizHistory1796500000000,
  DashboardIndexes1796600000000,
  CareMode1796800000000,
  UntimedCampaigns1796900000000,
  Events1797000000000,
  Assistance1797100000000,
  RecentStandings1797200000000,
];
