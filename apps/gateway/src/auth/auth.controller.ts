import { Body, Controller, Get, HttpCode, Ip, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ApiBearerAuth, ApiOperation, ApiTags, ApiNotFoundResponse, ApiOkResponse } from '@nestjs/swagger';
import { ALL_ROLES, IdentityErrorCode } from '@dealgate/domain';
import { CurrentUser, Principal, Roles } from '@dealgate/auth';
import { Public, ErrorBody, Refuses } from '@dealgate/common';
import { Actor, CurrentActor } from '../audit/actor';
import { UserView } from '../identity/users.dto';
import { ChangePasswordDto, LoginDto, RefreshDto, TokenPair } from './auth.dto';
import { AuthService } from './auth.service';
import { LoginThrottle } from './rate-limits';
import { RefreshCookie } from './refresh-cookie';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly cookie: RefreshCookie,
  ) {}

  @Public()
  @LoginThrottle()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Log in with e-mail and password: a short-lived access token and a refresh token (also set as the HttpOnly cookie dealgate_refresh)',
  })
  @Refuses(IdentityErrorCode.InvalidCredentials)
  async login(
    @Body() dto: LoginDto,
    @Ip() ip: string,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<TokenPair> {
    const pair = await this.auth.login(dto.email, dto.password, ip);
    this.cookie.set(request, response, pair.refreshToken);
    return pair;
  }

  @Public()
  @Post('refresh')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Exchange a refresh token (body, else the dealgate_refresh cookie) for a new pair; each refresh token works once',
  })
  @Refuses(IdentityErrorCode.InvalidRefreshToken, IdentityErrorCode.RefreshTokenReused)
  async refresh(
    @Body() dto: RefreshDto,
    @Ip() ip: string,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<TokenPair> {
    const pair = await this.auth.refresh(this.cookie.tokenOf(request, dto.refreshToken), ip);
    this.cookie.set(request, response, pair.refreshToken);
    return pair;
  }

  @Public()
  @Post('logout')
  @HttpCode(204)
  @ApiOperation({ summary: 'End the session of this refresh token (body, else the cookie) and clear the cookie' })
  @Refuses(IdentityErrorCode.InvalidRefreshToken)
  async logout(
    @Body() dto: RefreshDto,
    @Ip() ip: string,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<void> {
    // The cookie goes whatever happens: a browser must not keep presenting a token the server refused.
    this.cookie.clear(request, response);
    await this.auth.logout(this.cookie.tokenOf(request, dto.refreshToken), ip);
  }

  @Post('logout-everywhere')
  @HttpCode(204)
  @Roles(...ALL_ROLES)
  @ApiBearerAuth()
  @ApiOperation({
    summary:
      'End every session of yours: all refresh tokens, and every access token signed so far is refused within seconds at every service',
  })
  @Refuses(IdentityErrorCode.UserNotFound, IdentityErrorCode.VersionConflict)
  async logoutEverywhere(
    @CurrentActor() actor: Actor,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<void> {
    this.cookie.clear(request, response);
    await this.auth.logoutEverywhere(actor);
  }

  @Post('password')
  @HttpCode(204)
  @Roles(...ALL_ROLES)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Change your password; every session and access token of yours ends' })
  @Refuses(
    IdentityErrorCode.UserNotFound,
    IdentityErrorCode.InvalidCredentials,
    IdentityErrorCode.WeakPassword,
    IdentityErrorCode.VersionConflict,
  )
  changePassword(@Body() dto: ChangePasswordDto, @CurrentActor() actor: Actor): Promise<void> {
    return this.auth.changePassword(actor, dto.currentPassword, dto.newPassword);
  }

  @Get('me')
  @Roles(...ALL_ROLES)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Who you are: profile, roles, unit and groups' })
  @ApiOkResponse({ type: UserView })
  @ApiNotFoundResponse({ type: ErrorBody, description: '`identity.user_not_found`: the account no longer exists' })
  @Refuses(IdentityErrorCode.UserNotFound)
  me(@CurrentUser() principal: Principal): Promise<UserView> {
    return this.auth.me(principal);
  }
}
