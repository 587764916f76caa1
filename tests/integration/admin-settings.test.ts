import { adminSettingsSuite } from './admin-settings-suite';

adminSettingsSuite('SQLite', async () => undefined);
