// Runs one upload from a SQLite database and kills its own process the moment Metrica has
// accepted the file, before the rows can be marked: the crash the upload job must survive.
// Usage: node --import tsx crash-upload.ts <db> <apiUrl> <counterId>   (token in YANDEX_METRICA_TOKEN)
import { openStorage } from '../../storage/index.js';
import { createMetricaClient } from '../client.js';
import { uploadPending } from '../job.js';

const [db, apiUrl, counterId] = process.argv.slice(2) as [string, string, string];
const store = await openStorage(db);
const client = createMetricaClient({ token: process.env.YANDEX_METRICA_TOKEN ?? '', apiUrl });
await uploadPending(store, {
  client,
  counterId,
  onUploaded: () => {
    process.kill(process.pid, 'SIGKILL');
  },
});
