export { checkChatsCsv, updateKey } from './csv-check.js';
export { type FakeConversion, type FakeMetrica, type FakeMetricaOptions, type FakeUpload, type FaultKind, startFakeMetrica, } from './server.js';
