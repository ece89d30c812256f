import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { PASSWORD_MAX_LENGTH } from '@dealgate/domain';

export class LoginDto {
  @ApiProperty({ example: 'anna@example.com' })
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(PASSWORD_MAX_LENGTH)
  password!: string;
}

export class RefreshDto {
  @ApiProperty({
    type: String,
    required: false,
    maxLength: 200,
    description:
      'The refresh token of the last login or refresh; each one works once. Without it, the `dealgate_refresh` cookie is used.',
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  refreshToken?: string;
}

export class ChangePasswordDto {
  @IsString()
  @IsNotEmpty()
  @MaxLength(PASSWORD_MAX_LENGTH)
  currentPassword!: string;

  @ApiProperty({ description: 'At least 12 characters, not containing your e-mail or name' })
  @IsString()
  @MaxLength(PASSWORD_MAX_LENGTH)
  newPassword!: string;
}

export class TokenPair {
  accessToken!: string;
  /** Seconds until the access token expires. */
  expiresIn!: number;
  tokenType!: 'Bearer';
  refreshToken!: string;
}
