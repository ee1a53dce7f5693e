import { DomainErrorCode, FixedError } from '../common/domain-error.js';

export class OtherProviderOffLimits extends FixedError(DomainErrorCode.NotAllowed, 'Only an admin may read or change another provider') {}

export class AccountStatusOffLimits extends FixedError(DomainErrorCode.NotAllowed, 'Only an admin may change role or isActive') {}

/** Keeps the clinic from losing its last admin by accident; another admin can do it. */
export class AdminSelfLockout extends FixedError(DomainErrorCode.Conflict, 'An admin cannot remove their own admin role or deactivate themselves: ask another admin') {}

/** An admin changes their own password like everyone else, knowing the current one. */
export class OwnPasswordReset extends FixedError(DomainErrorCode.Conflict, 'Change your own password with POST /api/v1/auth/password: a reset is for another provider') {}
