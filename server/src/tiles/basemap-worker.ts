// A worker thread of the base-map build: renders its share of one zoom level's tile columns.
import { parentPort, workerData } from 'node:worker_threads';
import { cityGeometry } from '../city/geometry';
import { renderColumns, type ColumnJob } from './basemap';

const job = workerData as Omit<ColumnJob, 'geo'> & { seed: number };
const result = await renderColumns({ ...job, geo: cityGeometry(job.seed) });
parentPort?.postMessage(result);
