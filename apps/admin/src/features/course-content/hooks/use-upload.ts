import { useMutation } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { uploadWithProgress, type UploadProgress } from '@asah/ui/upload';

export type UploadPhase = 'idle' | 'uploading' | 'processing' | 'done' | 'failed';

/**
 * One upload at a time with its progress: `uploading` while bytes go out, then `processing`
 * while the API unpacks and checks what it received (it answers only when done).
 */
export function useUpload<T>(path: string, onSuccess?: (result: T) => unknown) {
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const controller = useRef<AbortController | null>(null);
  const mutation = useMutation({
    mutationFn: (file: File) => {
      controller.current = new AbortController();
      setProgress({ loaded: 0, total: file.size, percent: 0 });
      return uploadWithProgress<T>(path, file, { onProgress: setProgress, signal: controller.current.signal });
    },
    onSuccess,
  });

  let phase: UploadPhase = 'idle';
  if (mutation.isPending) phase = progress && progress.percent >= 100 ? 'processing' : 'uploading';
  else if (mutation.isSuccess) phase = 'done';
  else if (mutation.isError) phase = 'failed';

  return {
    upload: mutation.mutate,
    uploadAsync: mutation.mutateAsync,
    phase,
    progress,
    result: mutation.data,
    error: mutation.error,
    cancel: () => controller.current?.abort(),
    reset: () => {
      setProgress(null);
      mutation.reset();
    },
  };
}
