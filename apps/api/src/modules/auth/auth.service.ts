import { Injectable } from '@nestjs/common';
import type { AuthResult } from '@jingcai/shared';
import { AccessTokenService } from '../../common/auth/access-token.service';
import { AppException } from '../../common/errors/app-exception';
import type { User } from '../users/entities/user.entity';
import { UsersService } from '../users/users.service';
import { WechatClient } from '../wechat/wechat.client';
import { RefreshTokenService } from './refresh-token.service';

@Injectable()
export class AuthService {
  constructor(
    private readonly wechat: WechatClient,
    private readonly users: UsersService,
    private readonly accessTokens: AccessTokenService,
    private readonly refreshTokens: RefreshTokenService,
  ) {}

  /** wx.login code → WeChat session → our own tokens. The session_key is dropped right here. */
  async loginWithWechat(code: string): Promise<AuthResult> {
    const { openid, unionid } = await this.wechat.code2Session(code);
    return this.open(await this.users.upsertByOpenid(openid, unionid));
  }

  /** Same answer as a WeChat login, for H5 and the demo; only routed when AUTH_DEV_LOGIN=true. */
  async devLogin(openid: string): Promise<AuthResult> {
    return this.open(await this.users.upsertByOpenid(openid));
  }

  async refresh(refreshToken: string): Promise<AuthResult> {
    const rotated = await this.refreshTokens.rotate(refreshToken);
    return this.result(rotated.userId, rotated.token);
  }

  logout(refreshToken: string): Promise<void> {
    return this.refreshTokens.revoke(refreshToken);
  }

  /** A new session (refresh-token family) for a user whose identity was proven some other way. */
  async startSession(userId: number): Promise<AuthResult> {
    return this.result(userId, await this.refreshTokens.issue(userId));
  }

  /**
   * A deleted account's openid is replaced by a placeholder, so WeChat never leads to it again; only the dev
   * login could name the placeholder, and it is refused here.
   */
  private open(user: User): Promise<AuthResult> {
    if (user.deletedAt) throw new AppException('ACCOUNT_DELETED');
    return this.startSession(user.id);
  }

  private async result(userId: number, refreshToken: string): Promise<AuthResult> {
    const grants = await this.users.grantsOf(userId);
    return {
      accessToken: this.accessTokens.sign(userId, grants),
      expiresIn: this.accessTokens.ttlSeconds,
      refreshToken,
      user: await this.users.me(userId),
    };
  }
}
