import { Body, Controller, Get, HttpCode, Ip, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ALL_ROLES } from '@dealgate/domain';
import { CurrentUser, Principal, Roles } from '@dealgate/auth';
import { Public } from '@dealgate/common';
import { Actor, CurrentActor } from '../audit/actor';
import { UserView } from '../identity/users.dto';
import { ChangePasswordDto, LoginDto, RefreshDto, TokenPair } from './auth.dto';
import { AuthService } from './auth.service';
import { LoginThrottle } from './rate-limits';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @LoginThrottle()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Log in with e-mail and password: a short-lived access token and a refresh token' })
  login(@Body() dto: LoginDto, @Ip() ip: string): Promise<TokenPair> {
    return this.auth.login(dto.email, dto.password, ip);
  }

  @Public()
  @Post('refresh')
  @HttpCode(200)
  @ApiOperation({ summary: 'Exchange a refresh token for a new pair (each refresh token works once)' })
  refresh(@Body() dto: RefreshDto, @Ip() ip: string): Promise<TokenPair> {
    return this.auth.refresh(dto.refreshToken, ip);
  }

  @Public()
  @Post('logout')
  @HttpCode(204)
  @ApiOperation({ summary: 'End the session of this refresh token' })
  logout(@Body() dto: RefreshDto, @Ip() ip: string): Promise<void> {
    return this.auth.logout(dto.refreshToken, ip);
  }

  @Post('password')
  @HttpCode(204)
  @Roles(...ALL_ROLES)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Change your password; every session of yours ends' })
  changePassword(@Body() dto: ChangePasswordDto, @CurrentActor() actor: Actor): Promise<void> {
    return this.auth.changePassword(actor, dto.currentPassword, dto.newPassword);
  }

  @Get('me')
  @Roles(...ALL_ROLES)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Who you are: profile, roles, unit and groups' })
  me(@CurrentUser() principal: Principal): Promise<UserView> {
    return this.auth.me(principal);
  }
}
