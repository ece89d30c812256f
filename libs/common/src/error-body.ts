import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** One offending input and what is wrong with it. */
export class FieldProblem {
  @ApiProperty({ description: 'The input, e.g. `name`, `items[0].quantity`, `id` (a path parameter), `body`' })
  field!: string;

  @ApiProperty({ type: [String], description: 'Every problem with it, in words' })
  problems!: string[];
}

/** The one error body shape of every service. */
export class ErrorBody {
  @ApiProperty({ type: 'integer', description: 'The HTTP status, repeated' })
  statusCode!: number;

  @ApiProperty({
    description: 'A stable machine-readable code, e.g. `validation_failed`, `version_conflict`, `unauthorized`',
  })
  code!: string;

  @ApiProperty({ description: 'A sentence a user understands' })
  message!: string;

  @ApiPropertyOptional({ type: [FieldProblem], description: 'For input errors: every offending field' })
  fields?: FieldProblem[];

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: 'Facts about a broken rule (e.g. the current version on a conflict)',
  })
  details?: Record<string, unknown>;

  @ApiPropertyOptional({ description: 'The correlation id of the request, to quote when reporting the error' })
  correlationId?: string;
}
