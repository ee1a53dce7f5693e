import { Global, Module } from '@nestjs/common';
import { BackgroundWorkers } from './background-workers.js';

/** The process's life: background workers register here (see background-workers.ts). */
@Global()
@Module({ providers: [BackgroundWorkers], exports: [BackgroundWorkers] })
export class LifecycleModule {}
