import { DomainError, DomainErrorCode, ResourceNotFound } from '../common/domain-error.js';

export class ProviderNotFound extends ResourceNotFound {
  constructor() {
    super('Provider');
  }
}

export class ProviderEmailTaken extends DomainError {
  readonly code = DomainErrorCode.Conflict;
  constructor(email: string) {
    super(`A provider with email ${email} already exists`);
  }
}

export class OtherProviderOffLimits extends DomainError {
  readonly code = DomainErrorCode.NotAllowed;
  constructor() {
    super('Only an admin may read or change another provider');
  }
}

export class AccountStatusOffLimits extends DomainError {
  readonly code = DomainErrorCode.NotAllowed;
  constructor() {
    super('Only an admin may change role or isActive');
  }
}

/** Keeps the clinic from losing its last admin by accident; another admin can do it. */
export class AdminSelfLockout extends DomainError {
  readonly code = DomainErrorCode.Conflict;
  constructor() {
    super('An admin cannot remove their own admin role or deactivate themselves: ask another admin');
  }
}
