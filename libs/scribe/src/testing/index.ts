// @clinic/scribe/testing: what the scribe's tests, and the API's, use in place of a real provider.
export { type Answer, FakeProvider, formOf, json, type ReceivedRequest, silence } from './fake-provider.js';
