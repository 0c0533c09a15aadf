/**
 * A lifecycle step the Plan does not allow (Plan §10(a) notice longer than sixty days, a
 * termination before the agreement began, …): the message says why and what to do instead.
 */
export class ServiceAgreementRefusal extends Error {
  constructor(
    readonly providerId: string,
    reason: string,
    readonly hint: string,
  ) {
    super(`service agreement with ${providerId}: ${reason}`);
    this.name = 'ServiceAgreementRefusal';
  }
}
