import { Global, Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { LocalStorage } from './local-storage';
import { OBJECT_STORAGE, ObjectStorage } from './object-storage';
import { S3Storage } from './s3-storage';

/** The storage driver STORAGE_DRIVER selects. */
export function createStorage(config: AppConfig): ObjectStorage {
  const storage = config.storage;
  if (storage.driver === 'local') return new LocalStorage(storage.root);
  return new S3Storage({
    bucket: storage.bucket,
    prefix: storage.prefix,
    client: { region: storage.region, endpoint: storage.endpoint, forcePathStyle: storage.forcePathStyle, credentials: storage.credentials },
  });
}

@Global()
@Module({
  providers: [{ provide: OBJECT_STORAGE, inject: [APP_CONFIG], useFactory: createStorage }],
  exports: [OBJECT_STORAGE],
})
export class StorageModule {}
