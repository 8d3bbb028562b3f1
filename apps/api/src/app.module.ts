import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { DataSource } from 'typeorm';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthCoreModule } from './common/auth/auth-core.module';
import { FastPathModule } from './common/http/fast-path';
import { AuthGuard } from './common/auth/auth.guard';
import {
  CONTENT_THROTTLER,
  LOGIN_THROTTLER,
  RateLimitGuard,
  throttlers,
} from './common/rate-limit/rate-limit.guard';
import { SharedRateLimitStorage } from './common/rate-limit/shared-rate-limit.storage';
import { ClockModule } from './common/clock';
import { CryptoModule } from './common/crypto/crypto.module';
import type { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { buildDataSourceOptions } from './database/database-options';
import { AccountModule } from './modules/account/account.module';
import { AssistanceModule } from './modules/assistance/assistance.module';
import { AuthModule } from './modules/auth/auth.module';
import { FeedbackModule } from './modules/feedback/feedback.module';
import { EventsModule } from './modules/events/events.module';
import { CareModule } from './modules/care/care.module';
import { ContentSafetyModule } from './modules/content-safety/content-safety.module';
import { HealthModule } from './modules/health/health.module';
import { MembershipModule } from './modules/membership/membership.module';
import { NotificationsModule } from './modules/notifications/notifications.module';
import { OrgsModule } from './modules/orgs/orgs.module';
import { LegalModule } from './modules/legal/legal.module';
import { MembersModule } from './modules/members/members.module';
import { ReadingModule } from './modules/reading/reading.module';
import { QuizModule } from './modules/quiz/quiz.module';
import { UploadsModule } from './modules/uploads/uploads.module';
import { UsersModule } from './modules/users/users.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        TypeOrmModule.forRoot({ ...buildDataSourceOptions(config.db), retryAttempts: 3, retryDelay: 1000 }),
        ThrottlerModule.forRootAsync({
          inject: [DataSource],
          useFactory: (dataSource: DataSource) => ({
            throttlers: throttlers(config.rateLimit),
            storage: new SharedRateLimitStorage(dataSource, new Set([LOGIN_THROTTLER, CONTENT_THROTTLER])),
          }),
        }),
        CryptoModule,
        ClockModule,
        AuthCoreModule,
        FastPathModule,
        HealthModule,
        AuthModule.forRoot({ devLogin: config.auth.devLogin }),
        UsersModule,
        OrgsModule,
        UploadsModule,
        NotificationsModule,
        ContentSafetyModule,
        MembershipModule,
        CareModule,
        QuizModule,
        ReadingModule,
        LegalModule,
        MembersModule,
        FeedbackModule,
        EventsModule,
        AssistanceModule,
        AccountModule,
      ],
      // Order matters: authentication first, so rate limits can count per user.
      providers: [
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_GUARD, useClass: RateLimitGuard },
      ],
    };
  }
}
