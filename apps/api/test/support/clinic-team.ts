import { AuthFixture, type SignedInProvider } from './auth.js';
import type { CreateAppOptions } from '../../src/app.factory.js';
import { startTestApp, type TestApp } from './test-app.js';

/** The app over this suite's database, with one signed-in provider of each role. */
export interface ClinicTeam {
  api: TestApp;
  accounts: AuthFixture;
  admin: SignedInProvider;
  clinician: SignedInProvider;
  staff: SignedInProvider;
  close(): Promise<void>;
}

export async function startClinicTeam(env: Record<string, string> = {}, options: CreateAppOptions = {}): Promise<ClinicTeam> {
  const api = await startTestApp(env, options);
  const accounts = new AuthFixture(api);
  // One after the other: the embedded PostgreSQL serves one session at a time.
  const admin = await accounts.signedIn({ role: 'admin' });
  const clinician = await accounts.signedIn({ role: 'clinician' });
  const staff = await accounts.signedIn({ role: 'staff' });
  return {
    api,
    accounts,
    admin,
    clinician,
    staff,
    close: async () => {
      await accounts.close();
      await api.close();
    },
  };
}
