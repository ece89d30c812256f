import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'dealgate:isPublic';

/** Marks a route that needs no token (health, metrics, login). Every such route is listed in the route audit test. */
export const Public = () => SetMetadata(IS_PUBLIC, true);
