export { createCsvWmsConnector, orderFileName } from './csv-wms-connector.js';
