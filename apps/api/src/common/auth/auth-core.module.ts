import { Global, Module } from '@nestjs/common';
import { AccessTokenService } from './access-token.service';
import { RevokedAccounts } from './revoked-accounts';

@Global()
@Module({ providers: [AccessTokenService, RevokedAccounts], exports: [AccessTokenService, RevokedAccounts] })
export class AuthCoreModule {}
