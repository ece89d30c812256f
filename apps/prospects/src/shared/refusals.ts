import { CommonErrorCode } from '@dealgate/common';
import { FunnelErrorCode } from '@dealgate/domain';

// The codes handlers of the prospects service declare with @Refuses (the OpenAPI document lists them per status).

/** A prospect the caller may read: one they may not see is not found (FunnelTransitions.lockFor, 'read'). */
export const READS_PROSPECT = [CommonErrorCode.NotFound];

/** A prospect the caller may change: not found, or theirs only to look at (FunnelTransitions.lockFor, 'write'). */
export const WRITES_PROSPECT = [CommonErrorCode.NotFound, FunnelErrorCode.ReadOnlyAccess];

/**
 * An event the stage machine decides (FunnelTransitions.apply): a won or lost prospect and the wrong stage refuse
 * every one of them, and the prospect may have moved meanwhile.
 */
export const MOVES_PROSPECT = [
  ...WRITES_PROSPECT,
  FunnelErrorCode.ProspectWon,
  FunnelErrorCode.ProspectLost,
  FunnelErrorCode.WrongStage,
  CommonErrorCode.VersionConflict,
];

/** An offer version the caller may change, at the version they read (OfferService.lockOffer). */
export const WRITES_OFFER = [...WRITES_PROSPECT, CommonErrorCode.VersionConflict];

/** A draft sample the caller may change (SampleService.writable). */
export const WRITES_SAMPLE = [CommonErrorCode.NotFound, FunnelErrorCode.SampleNotDraft];

/** A change of a draft sample at the version the caller read (SampleService.inDraft). */
export const CHANGES_SAMPLE = [...WRITES_SAMPLE, CommonErrorCode.VersionConflict];
