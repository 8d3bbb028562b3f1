import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { CertificateView, MyAttemptView, Page, PastCampaignView } from '@jingcai/shared';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser } from '../../common/auth/decorators';
import { PageQuery } from '../../common/http/pagination';
import { QuizHistoryService } from './quiz-history.service';

/** Workers: what they look back on — their attempts and certificates, and campaigns that are over. */
@ApiTags('quiz')
@ApiBearerAuth()
@Controller('quiz')
export class QuizHistoryController {
  constructor(private readonly history: QuizHistoryService) {}

  @Get('attempts/mine')
  attempts(@CurrentUser() user: AuthUser, @Query() query: PageQuery): Promise<Page<MyAttemptView>> {
    return this.history.attemptsOf(user.id, query);
  }

  @Get('certificates/mine')
  certificates(@CurrentUser() user: AuthUser): Promise<CertificateView[]> {
    return this.history.certificatesOf(user.id);
  }

  @Get('campaigns/past')
  past(@CurrentUser() user: AuthUser, @Query() query: PageQuery): Promise<Page<PastCampaignView>> {
    return this.history.pastFor(user.id, query);
  }
}
